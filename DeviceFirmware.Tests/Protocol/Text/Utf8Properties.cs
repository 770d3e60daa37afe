using System;
using System.Text;
using CsCheck;
using DeviceFirmware.Tests.Support;
using Xunit;
using Utf8 = DeviceFirmware.Protocol.Text.Utf8;

namespace DeviceFirmware.Tests.Protocol.Text
{
    /// <summary>Utf8 agrees with System.Text's strict UTF-8 on random input.</summary>
    public class Utf8Properties
    {
        private static readonly UTF8Encoding Strict = new(false, true);

        private static bool HasLoneSurrogate(string s)
        {
            try
            {
                Strict.GetByteCount(s);
                return false;
            }
            catch (EncoderFallbackException)
            {
                return true;
            }
        }

        [Fact]
        public void Well_formed_strings_round_trip()
        {
            Gens.WellFormed(60).Sample(s =>
            {
                int count = Utf8.GetByteCount(s);
                Assert.Equal(Encoding.UTF8.GetByteCount(s), count);
                byte[] buffer = new byte[count + 4];
                Assert.Equal(count, Utf8.Write(s, 0, s.Length, buffer, 2));
                Assert.Equal(Hex.Of(Encoding.UTF8.GetBytes(s)), Hex.Of(buffer, 2, count));
                Assert.Equal(-1, Utf8.FindInvalid(buffer, 2, count));
                Assert.Equal(s, Utf8.GetString(buffer, 2, count));
                Assert.True(Utf8.Equals(buffer, 2, count, s));
            }, iter: 2000);
        }

        [Fact]
        public void Equals_is_false_for_any_other_bytes()
        {
            Gen.Select(Gens.WellFormed(20), Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((s, at, xor) =>
            {
                byte[] bytes = Encoding.UTF8.GetBytes(s);
                if (bytes.Length == 0)
                {
                    Assert.False(Utf8.Equals(new byte[] { xor }, 0, 1, s));
                    return;
                }

                bytes[at % bytes.Length] ^= xor;
                Assert.False(Utf8.Equals(bytes, 0, bytes.Length, s));
                Assert.False(Utf8.Equals(bytes, 0, bytes.Length - 1, s));
            }, iter: 1000);
        }

        [Fact]
        public void Get_byte_count_is_minus_one_exactly_for_lone_surrogates()
        {
            Gens.AnyUtf16.Sample(s =>
            {
                int count = Utf8.GetByteCount(s);
                if (HasLoneSurrogate(s)) Assert.Equal(-1, count);
                else Assert.Equal(Encoding.UTF8.GetByteCount(s), count);
            }, iter: 3000);
        }

        [Fact]
        public void Get_byte_count_of_a_slice_matches()
        {
            Gen.Select(Gens.AnyUtf16, Gen.Int[0, 30], Gen.Int[0, 30]).Sample((s, a, b) =>
            {
                int start = Math.Min(a, s.Length);
                int length = Math.Min(b, s.Length - start);
                string slice = s.Substring(start, length);
                int expected = HasLoneSurrogate(slice) ? -1 : Encoding.UTF8.GetByteCount(slice);
                Assert.Equal(expected, Utf8.GetByteCount(s, start, length));
            }, iter: 3000);
        }

        /// <summary>Bytes drawn mostly from the interesting boundaries of UTF-8.</summary>
        private static readonly Gen<byte[]> Utf8ishBytes = Gen.Frequency(
            (4, Gen.OneOf<byte>(0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF)),
            (1, Gen.Byte)).Array[0, 12];

        private static readonly Gen<byte[]> MostlyValid =
            Gen.Select(Gens.WellFormed(6), Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Bool).Select((s, at, value, mutate) =>
            {
                byte[] b = Encoding.UTF8.GetBytes(s);
                if (mutate && b.Length > 0) b[at % b.Length] = value;
                return b;
            });

        [Fact]
        public void Find_invalid_agrees_with_strict_decoder()
        {
            Gen.Select(Gen.OneOf(Utf8ishBytes, MostlyValid), Gen.Int[0, 3]).Sample((bytes, pad) =>
            {
                byte[] buffer = new byte[bytes.Length + 2 * pad];
                buffer.AsSpan().Fill(0x80); // invalid on its own: must not be looked at
                bytes.CopyTo(buffer, pad);
                int bad = Utf8.FindInvalid(buffer, pad, bytes.Length);

                if (IsValid(bytes))
                {
                    Assert.Equal(-1, bad);
                }
                else
                {
                    Assert.InRange(bad, pad, pad + bytes.Length - 1);
                    // The bad byte is the lead or one of the next 3 bytes of the first bad sequence: so some
                    // prefix ending 0..3 bytes before it is valid UTF-8 (no earlier error was skipped).
                    int at = bad - pad;
                    bool found = false;
                    for (int cut = at; cut >= Math.Max(0, at - 3) && !found; cut--)
                    {
                        found = IsValid(bytes.AsSpan(0, cut).ToArray());
                    }

                    Assert.True(found, $"no valid prefix ends within 3 bytes before index {at}");
                }
            }, iter: 20000);
        }

        private static bool IsValid(byte[] bytes)
        {
            try
            {
                Strict.GetString(bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        [Fact]
        public void Fit_prefix_never_splits_a_pair_and_is_maximal()
        {
            Gen.Select(Gen.OneOf(Gens.WellFormed(20), Gens.AnyUtf16), Gen.Int[-1, 90]).Sample((s, max) =>
            {
                int n = Utf8.FitPrefix(s, max);
                Assert.InRange(n, 0, s.Length);
                if (n > 0 && n < s.Length) Assert.False(char.IsHighSurrogate(s[n - 1]) && char.IsLowSurrogate(s[n]), "split a surrogate pair");

                string prefix = s.Substring(0, n);
                Assert.False(HasLoneSurrogate(prefix));
                Assert.True(Encoding.UTF8.GetByteCount(prefix) <= Math.Max(0, max));

                if (n < s.Length && !HasLoneSurrogate(s))
                {
                    // The next character (a whole pair if it is one) would not have fitted.
                    int next = char.IsHighSurrogate(s[n]) ? 2 : 1;
                    Assert.True(Encoding.UTF8.GetByteCount(s.AsSpan(0, n + next)) > max, $"stopped early at {n}");
                }
            }, iter: 5000);
        }
    }
}

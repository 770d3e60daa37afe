using System;
using System.Collections.Generic;

namespace DeviceFirmware.Tests.Fuzz
{
    /// <summary>
    /// AFL-style havoc without AFL, for the bounded smoke in the test command: from a fixed seed, each input is a seed
    /// with 1–8 bit flips, interesting bytes (0, 0x7f, 0x80, 0xff), 16-bit big-endian edge values, inserts, deletes,
    /// duplicated blocks or a splice with another seed; one in eight is plain random bytes. Same seed, same inputs.
    /// </summary>
    internal sealed class Mutator
    {
        private static readonly byte[] Interesting = { 0x00, 0x01, 0x03, 0x7F, 0x80, 0x81, 0xFF, 0x10, 0x90, 0x93 };
        private static readonly int[] Interesting16 = { 0x0000, 0x0001, 0x007F, 0x0080, 0x00FF, 0x0100, 0x7FFF, 0x8000, 0xFFFF, 0x0010, 0x0093 };
        private readonly Random random;
        private readonly IReadOnlyList<byte[]> seeds;

        public Mutator(IReadOnlyList<byte[]> seeds, int seed)
        {
            if (seeds.Count == 0) throw new ArgumentException("no seeds", nameof(seeds));
            this.seeds = seeds;
            random = new Random(seed);
        }

        public IEnumerable<byte[]> Inputs(int count)
        {
            for (int i = 0; i < count; i++) yield return Next();
        }

        public byte[] Next()
        {
            if (random.Next(8) == 0)
            {
                var noise = new byte[random.Next(0, 48)];
                random.NextBytes(noise);
                return noise;
            }

            var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
            int steps = 1 + random.Next(8);
            for (int s = 0; s < steps; s++) Mutate(bytes);
            return bytes.ToArray();
        }

        private void Mutate(List<byte> bytes)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(bytes.Count == 0 ? 2 : 8))
            {
                case 0:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), Interesting[random.Next(Interesting.Length)]);
                    break;
                case 2:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 3:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 4:
                    int value = Interesting16[random.Next(Interesting16.Length)];
                    bytes[at] = (byte)(value >> 8);
                    if (at + 1 < bytes.Count) bytes[at + 1] = (byte)value;
                    break;
                case 5:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(4), bytes.Count - at));
                    break;
                case 6:
                    int length = Math.Min(1 + random.Next(16), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                    break;
                default:
                    byte[] other = seeds[random.Next(seeds.Count)];
                    int cut = random.Next(other.Length + 1);
                    bytes.RemoveRange(at, bytes.Count - at);
                    for (int i = cut; i < other.Length; i++) bytes.Add(other[i]);
                    break;
            }
        }
    }
}

using System;
using System.Text;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>
/// Decodes one <c>application/x-www-form-urlencoded</c> name or value strictly: <c>+</c> is a space, <c>%XX</c> a byte,
/// and the bytes must be UTF-8. A bad escape, a non-ASCII raw byte or bad UTF-8 is a 9015 rather than a silently altered value.
/// </summary>
internal static class FormDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string Decode(string encoded)
    {
        byte[] bytes = new byte[encoded.Length];
        int count = 0;
        for (int i = 0; i < encoded.Length; i++)
        {
            char c = encoded[i];
            if (c == '+')
            {
                bytes[count++] = (byte)' ';
            }
            else if (c == '%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2])) throw Invalid("a malformed %-escape");
                bytes[count++] = Convert.ToByte(encoded.Substring(i + 1, 2), 16);
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes[count++] = (byte)c;
            }
            else
            {
                throw Invalid("a byte that is not ASCII");
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, count);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("a value that is not UTF-8");
        }
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static GServiceProblem Invalid(string what) => new(GServiceError.FormInvalid, $"the form holds {what}");
}

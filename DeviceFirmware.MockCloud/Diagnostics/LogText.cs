using System.Globalization;
using System.Text;

namespace DeviceFirmware.MockCloud.Diagnostics;

/// <summary>
/// Makes a client-supplied string safe to put in a log line: control characters (CR and LF that would forge a line,
/// ESC that would drive a terminal, BEL, NUL, and the C1 and Unicode line/paragraph separators) become <c>\xNN</c> or
/// <c>\uNNNN</c> escapes, and anything over <see cref="MaxLength"/> characters is cut, saying how long it was. Every
/// field that a client chooses (client id, user name, topic, path, form key, remote text) goes through here before it is
/// logged, so one client can neither forge log lines nor fill the disk with one 64 KB field per connect.
/// </summary>
public static class LogText
{
    /// <summary>Longest client-supplied field logged whole (a topic of two 64-character levels fits).</summary>
    public const int MaxLength = 160;

    /// <summary>The escaped, truncated form of <paramref name="text"/>; null becomes the empty string.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        bool clean = text.Length <= MaxLength;
        if (clean)
        {
            foreach (char c in text)
            {
                if (NeedsEscape(c))
                {
                    clean = false;
                    break;
                }
            }
        }

        if (clean) return text;
        var builder = new StringBuilder(System.Math.Min(text.Length, MaxLength) + 32);
        int end = System.Math.Min(text.Length, MaxLength);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
        for (int i = 0; i < end; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c)) builder.Append(c);
            else if (c <= 0xFF) builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }

        if (text.Length > MaxLength) builder.Append("…(").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        return builder.ToString();
    }

    // Backslash is escaped too, so an escape in the log always means the client sent a control character.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c == '\\' || c == '\u2028' || c == '\u2029';
}

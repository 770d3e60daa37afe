using System;
using System.Text;
using DeviceFirmware.Protocol.Identity;

namespace DeviceFirmware.Fuzz.Harnesses;

/// <summary>
/// The identity and topic parsers (<see cref="AppClientId"/>, <see cref="Did"/>, <see cref="AppUserName"/>,
/// <see cref="Topics"/>). The first input byte picks a prefix to put before the text (so the fuzzer reaches the topic
/// shapes quickly) and whether the rest is read as UTF-8 or byte-per-char (every char 0–255, NUL included).
/// Invariants: nothing throws; each IsValid agrees with the rule as docs/protocol.md and the README state it, written here
/// independently; each topic parser accepts exactly the topics built from valid parts, its ranges are those parts,
/// and rebuilding the topic from them (<see cref="Topics.App2Dev"/>, <see cref="Topics.Dev2App(string, string)"/>,
/// <see cref="Topics.ReplyTo"/>) gives the same string; <see cref="AppUserName.TryParse"/> agrees with
/// <see cref="AppUserName.Build"/>.
/// </summary>
public sealed class IdentityHarness : IFuzzHarness
{
    /// <summary>The device's own DID in the <c>ParseApp2Dev(topic, ownDid)</c> check.</summary>
    public const string OwnDid = "did12345";

    private static readonly string[] Prefixes = { string.Empty, "app2dev/", "dev2app/", "ser2cli_res/", "2$", "usr", "app2dev/" + OwnDid + "/", "dev2app/" + OwnDid + "/" };

    /// <inheritdoc/>
    public string Name => "identity";

    /// <summary>The text an input stands for (what <see cref="Run"/> parses).</summary>
    public static string TextOf(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) return string.Empty;
        string prefix = Prefixes[data[0] & 7];
        string rest = (data[0] & 0x80) != 0 ? Encoding.UTF8.GetString(data, 1, data.Length - 1) : Encoding.Latin1.GetString(data, 1, data.Length - 1);
        return prefix + rest;
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        string text = TextOf(data);
        Invariant.Check(AppClientId.IsValid(text) == IsAppClientId(text), $"AppClientId.IsValid({Show(text)}) = {AppClientId.IsValid(text)}");
        Invariant.Check(Did.IsValid(text) == IsDid(text), $"Did.IsValid({Show(text)}) = {Did.IsValid(text)}");
        CheckUserName(text);
        CheckApp2Dev(text);
        CheckDev2App(text);
        CheckSer2CliRes(text);
    }

    // The rules, written from docs/protocol.md §1 and the README, not from the code under test.
    private static bool IsAppClientId(string s)
    {
        if (s.Length < 3 || s.Length > 23 || !s.StartsWith("usr", StringComparison.Ordinal)) return false;
        foreach (char c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }

        return true;
    }

    private static bool IsDid(string s)
    {
        if (s.Length < 1 || s.Length > 64) return false;
        foreach (char c in s)
        {
            if (c <= ' ' || c >= (char)0x7F || c == '/' || c == '+' || c == '#') return false;
        }

        return true;
    }

    private static bool IsUserNamePart(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s)
        {
            if (c == '$' || c < ' ' || c == (char)0x7F) return false;
        }

        return true;
    }

    private static void CheckUserName(string text)
    {
        bool parsed = AppUserName.TryParse(text, out int appIdStart, out int appIdLength, out int uidStart, out int uidLength);
        string[] parts = text.Split('$');
        bool expected = parts.Length == 3 && parts[0] == "2" && IsUserNamePart(parts[1]) && IsUserNamePart(parts[2]);
        Invariant.Check(parsed == expected, $"AppUserName.TryParse({Show(text)}) = {parsed}");
        if (!parsed) return;
        string appId = text.Substring(appIdStart, appIdLength);
        string uid = text.Substring(uidStart, uidLength);
        Invariant.Check(appId == parts[1] && uid == parts[2], $"AppUserName.TryParse({Show(text)}) split it as {Show(appId)} / {Show(uid)}");
        Invariant.Check(AppUserName.Build(appId, uid) == text, $"AppUserName.Build({Show(appId)}, {Show(uid)}) does not give back {Show(text)}");
    }

    private static void CheckApp2Dev(string text)
    {
        TopicError error = Topics.ParseApp2Dev(text, out int didStart, out int didLength, out int clientStart, out int clientLength);
        bool expected = SplitTwoLevels(text, Topics.App2DevPrefix, out string did, out string? client) && client is not null && IsDid(did) && IsAppClientId(client);
        Invariant.Check((error == TopicError.None) == expected, $"ParseApp2Dev({Show(text)}) = {error}");

        TopicError own = Topics.ParseApp2Dev(text, OwnDid, out int ownClientStart, out int ownClientLength);
        bool ownExpected = expected && did == OwnDid;
        Invariant.Check((own == TopicError.None) == ownExpected, $"ParseApp2Dev({Show(text)}, {OwnDid}) = {own}");
        if (expected && !ownExpected) Invariant.Check(own == TopicError.OtherDid, $"ParseApp2Dev({Show(text)}, {OwnDid}) = {own}, not OtherDid");
        if (!expected) return;

        Invariant.Check(text.Substring(didStart, didLength) == did && text.Substring(clientStart, clientLength) == client, $"ParseApp2Dev({Show(text)}): wrong ranges");
        Invariant.Check(Did.IsValid(text, didStart, didLength) && AppClientId.IsValid(text, clientStart, clientLength), $"ParseApp2Dev({Show(text)}) accepted parts that IsValid refuses");
        Invariant.Check(Topics.App2Dev(did, client!) == text, $"App2Dev does not rebuild {Show(text)}");
        Invariant.Check(Topics.ReplyTo(text) == Topics.Dev2App(did, client!), $"ReplyTo({Show(text)}) = {Show(Topics.ReplyTo(text))}");
        if (ownExpected) Invariant.Check(ownClientStart == clientStart && ownClientLength == clientLength, "ParseApp2Dev with own DID: other ranges");
    }

    private static void CheckDev2App(string text)
    {
        TopicError error = Topics.ParseDev2App(text, out int didStart, out int didLength, out int clientStart, out int clientLength);
        bool expected = SplitTwoLevels(text, Topics.Dev2AppPrefix, out string did, out string? client) && IsDid(did) && (client is null || IsAppClientId(client));
        Invariant.Check((error == TopicError.None) == expected, $"ParseDev2App({Show(text)}) = {error}");
        if (!expected) return;
        Invariant.Check(text.Substring(didStart, didLength) == did, $"ParseDev2App({Show(text)}): wrong DID range");
        if (client is null)
        {
            Invariant.Check(clientStart == -1 && clientLength == 0, $"ParseDev2App({Show(text)}): broadcast with a client range");
            Invariant.Check(Topics.Dev2App(did) == text, $"Dev2App does not rebuild {Show(text)}");
        }
        else
        {
            Invariant.Check(text.Substring(clientStart, clientLength) == client, $"ParseDev2App({Show(text)}): wrong client range");
            Invariant.Check(Topics.Dev2App(did, client) == text, $"Dev2App does not rebuild {Show(text)}");
        }
    }

    private static void CheckSer2CliRes(string text)
    {
        TopicError error = Topics.ParseSer2CliRes(text, out int start, out int length);
        string prefix = Topics.Ser2CliResPrefix;
        bool expected = text.StartsWith(prefix, StringComparison.Ordinal) && IsAppClientId(text.Substring(prefix.Length));
        Invariant.Check((error == TopicError.None) == expected, $"ParseSer2CliRes({Show(text)}) = {error}");
        if (expected)
        {
            Invariant.Check(text.Substring(start, length) == text.Substring(prefix.Length), $"ParseSer2CliRes({Show(text)}): wrong range");
            Invariant.Check(Topics.Ser2CliRes(text.Substring(start, length)) == text, $"Ser2CliRes does not rebuild {Show(text)}");
        }
    }

    /// <summary><c>prefix + a</c> or <c>prefix + a + "/" + b</c> (b null for the first); false for any other shape.</summary>
    private static bool SplitTwoLevels(string text, string prefix, out string first, out string? second)
    {
        first = string.Empty;
        second = null;
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) return false;
        string[] levels = text.Substring(prefix.Length).Split('/');
        if (levels.Length > 2) return false;
        first = levels[0];
        if (levels.Length == 2) second = levels[1];
        return true;
    }

    private static string Show(string text)
    {
        var b = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c < ' ' || c > '~') b.Append($"\\u{(int)c:x4}");
            else b.Append(c);
        }

        return b.Append('"').ToString();
    }
}

using DeviceFirmware.MockCloud.Diagnostics;
using Xunit;

namespace DeviceFirmware.Tests.MockCloud.Diagnostics;

/// <summary>Issue 17: client-supplied fields reached the cloud's log raw (CR, ESC, BEL) and whole (64 KB).</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("usrApp1", "usrApp1")]
    [InlineData("a\r\nforged line", "a\\x0d\\x0aforged line")]
    [InlineData("\u001b[31mred\u0007", "\\x1b[31mred\\x07")]
    [InlineData("nul\0", "nul\\x00")]
    [InlineData("back\\slash", "back\\x5cslash")]
    [InlineData("sep\u2028\u0085", "sep\\u2028\\x85")]
    [InlineData(null, "")]
    public void Control_characters_are_escaped(string? text, string expected) => Assert.Equal(expected, LogText.Safe(text));

    [Fact]
    public void A_long_field_is_cut_saying_how_long_it_was()
    {
        string safe = LogText.Safe(new string('x', 65536));
        Assert.Equal(new string('x', LogText.MaxLength) + "…(65536 chars)", safe);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        string text = new string('x', LogText.MaxLength - 1) + "\U0001F600" + "tail";
        string safe = LogText.Safe(text);
        Assert.StartsWith(new string('x', LogText.MaxLength - 1) + "…", safe, System.StringComparison.Ordinal);
    }
}

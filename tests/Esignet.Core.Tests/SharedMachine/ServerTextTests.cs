using Esignet.Core.Common;
using Esignet.Core.Servers;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>Server text cannot drive a terminal (issue 15, point 5), and an unsafe code never becomes an ErrorId.</summary>
public class ServerTextTests
{
    [Theory]
    [InlineData("evil\u001b[31mCODE\u001b[0m", "evil\\u001B[31mCODE\\u001B[0m")]
    [InlineData("\u001b]0;title\u0007x", "\\u001B]0;title\\u0007x")]
    [InlineData("\u009b2J", "\\u009B2J")]
    [InlineData("a\rb\u007f", "a\\u000Db\\u007F")]
    [InlineData("pay\u202eusd", "pay\\u202Eusd")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    [InlineData("plain text, ünïcode", "plain text, ünïcode")]
    public void Control_characters_are_escaped_and_layout_kept(string raw, string expected)
    {
        string cleaned = ServerText.Clean(raw)!;
        Assert.Equal(expected, cleaned);
        Assert.Equal(cleaned, ServerText.Clean(cleaned)); // twice changes nothing
        Assert.DoesNotContain(cleaned, c => c < 0x20 && c != '\t' && c != '\n');
    }

    [Theory]
    [InlineData("invalid_redirect_uri", "invalid_redirect_uri")]
    [InlineData("PMS_PRT_058", "PMS_PRT_058")]
    [InlineData("a.b:c-d", "a.b:c-d")]
    [InlineData("evil\u001b[31mCODE", ServerText.UnsafeCodeId)]
    [InlineData("with space", ServerText.UnsafeCodeId)]
    [InlineData("new\nline", ServerText.UnsafeCodeId)]
    public void Only_a_safe_code_becomes_the_ErrorId(string code, string id)
    {
        var e = new ServerErrorException(code, "message \u001b[2J", 200, "POST /x");
        Assert.Equal(id, e.ErrorId);
        Assert.DoesNotContain('\u001b', e.Message);
        Assert.DoesNotContain('\u001b', e.ErrorCode!);
        Assert.Contains("\\u001B[2J", e.Message);
    }

    [Fact]
    public void A_code_of_101_characters_is_not_an_ErrorId() => Assert.Equal(ServerText.UnsafeCodeId, ServerText.ErrorId(new string('a', 101)));
}

using System.Security.Cryptography;
using System.Text;
using Esignet.Core.Keys;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>
/// Key file names (issue 15, point 3): distinct ids never share a file, plain names stay as they were, and a long
/// PMS name makes a short path. The hash is checked against the BCL's one-shot SHA256.HashData, not our helper.
/// </summary>
public class KeyFileNameTests
{
    [Theory]
    [InlineData("openg2p-registry")]
    [InlineData("OpenG2P_Registry")]
    [InlineData("client.v1")]
    public void A_plain_name_stays_as_it_is(string name) => Assert.Equal(name, KeyFileName.For(name));

    [Theory]
    [InlineData("OpenG2P Registry", "OpenG2P_Registry")]
    [InlineData("x:y", "x_y")]
    [InlineData("a/b", "a_b")]
    [InlineData("a\\b", "a_b")]
    [InlineData(".hidden", "hidden")]
    public void Names_that_sanitise_alike_get_different_files(string changed, string plain)
    {
        string a = KeyFileName.For(changed), b = KeyFileName.For(plain);
        Assert.NotEqual(a, b);
        Assert.Equal(plain + "-" + Hex12(changed), a);
        Assert.Equal(KeyFileName.For(changed), a); // stable
        Assert.Equal(plain, KeyFileName.Legacy(changed)); // where earlier builds put it, still looked at
    }

    [Fact]
    public void A_240_character_name_makes_a_short_name_that_still_differs_by_its_end()
    {
        string a = new string('é', 239) + "a", b = new string('é', 239) + "b";
        string fa = KeyFileName.For(a), fb = KeyFileName.For(b);
        Assert.NotEqual(fa, fb);
        Assert.True(Encoding.UTF8.GetByteCount(fa + ".private.jwk.json") < 100, fa);
        Assert.DoesNotContain('/', fa);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("a\u001b[31mb")]
    public void Path_tricks_stay_inside_the_folder(string name)
    {
        string f = KeyFileName.For(name);
        Assert.False(f.StartsWith('.'), f);
        Assert.DoesNotContain('/', f);
        Assert.DoesNotContain('\u001b', f);
        string dir = Path.GetFullPath("/keys");
        Assert.StartsWith(dir + Path.DirectorySeparatorChar, Path.GetFullPath(Path.Combine(dir, f)));
    }

    private static string Hex12(string s) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12].ToLowerInvariant();
}

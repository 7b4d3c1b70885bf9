using Esignet.Core.Definitions;
using Xunit;

namespace Esignet.Core.Tests.Definitions;

/// <summary>
/// Issue 20 item 13: formula-like starts (OWASP CSV injection: =, +, -, @, tab, CR) are warned about, and bidi
/// override/isolate controls (Unicode TR9 explicit formatting characters U+202A-U+202E, U+2066-U+2069) are refused
/// in ids and warned about in names.
/// </summary>
public class UnsafeTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tportal")]
    public void A_formula_like_name_is_a_warning_naming_the_field(string name)
    {
        var d = Defs.Baseline();
        d.ClientName = name;
        var issues = DefinitionValidator.Validate(d, Defs.Esignet("1.8"), ClientEndpointKind.OidcClient);
        Assert.Empty(Defs.Errors(issues));
        var w = Assert.Single(issues, i => i.Rule == UnsafeText.FormulaRule);
        Assert.Equal("clientName", w.Field);
        Assert.Equal(ValidationSeverity.Warning, w.Severity);
        Assert.Contains("formula", w.Message);
    }

    [Fact]
    public void A_formula_like_client_id_is_warned_about_too()
    {
        var d = Defs.Baseline();
        d.ClientId = "=cmd";
        var issues = DefinitionValidator.Validate(d, Defs.Esignet("1.8"), ClientEndpointKind.OidcClient);
        Assert.Contains(issues, i => i.Field == "clientId" && i.Rule == UnsafeText.FormulaRule && i.Severity == ValidationSeverity.Warning);
    }

    [Theory]
    [InlineData('\u202E')]
    [InlineData('\u202A')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    public void A_bidi_control_in_an_id_is_refused(char bidi)
    {
        var d = Defs.Baseline();
        d.ClientId = "portal" + bidi + "lanigiro";
        var issues = DefinitionValidator.Validate(d, Defs.Esignet("1.8"), ClientEndpointKind.OidcClient);
        var e = Assert.Single(Defs.Errors(issues), i => i.Rule == UnsafeText.BidiRule);
        Assert.Equal("clientId", e.Field);
        Assert.Equal(UnsafeText.Code, e.Code);
        Assert.Contains($"U+{(int)bidi:X4} at position 7", e.Message);
    }

    [Fact]
    public void A_bidi_control_in_a_pms_partner_id_is_refused_and_in_a_name_warned()
    {
        var d = Defs.PmsBaseline();
        d.AuthPartnerId = "partner\u202Eevil";
        d.ClientName = "Portal\u202E";
        var issues = DefinitionValidator.Validate(d, Defs.Pms("1.2.2", "1.8"), ClientEndpointKind.PmsOidcClient);
        Assert.Contains(Defs.Errors(issues), i => i.Field == "authPartnerId" && i.Rule == UnsafeText.BidiRule);
        Assert.Contains(issues, i => i.Field == "clientName" && i.Rule == UnsafeText.BidiRule && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void Ordinary_values_including_a_right_to_left_name_are_left_alone()
    {
        var d = Defs.Baseline();
        d.ClientName = "بوابة OpenG2P";
        var issues = DefinitionValidator.Validate(d, Defs.Esignet("1.8"), ClientEndpointKind.OidcClient);
        Assert.DoesNotContain(issues, i => i.Code == UnsafeText.Code);
    }
}

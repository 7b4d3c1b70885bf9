using Esignet.Core.Definitions;
using Esignet.Core.Errors;
using Esignet.Core.Registration;
using Esignet.Core.Versions;

namespace Esignet.Core.Tests.Definitions;

/// <summary>esignet-api.md §1.2 (E1 every line, E3 from 1.2, E5 from 1.6) and pms-api.md §3 (/oauth/client from 1.2.2).</summary>
public class EndpointChooserTests
{
    private static ClientEndpointKind Esignet(ClientDefinition d, string line) =>
        EndpointChooser.Choose(d, ClientApi.Esignet, EsignetVersion.Parse(line), PmsVersion.Default);

    private static ClientEndpointKind Pms(ClientDefinition d, string pms) =>
        EndpointChooser.Choose(d, ClientApi.Pms, EsignetVersion.Latest, PmsVersion.Parse(pms));

    private static ClientDefinition WithMap()
    {
        ClientDefinition d = Defs.Baseline();
        d.ClientNameLangMap["eng"] = "Portal";
        return d;
    }

    private static ClientDefinition WithConfig()
    {
        ClientDefinition d = Defs.Baseline();
        d.AdditionalConfigJson = "{\"userinfo_response_type\":\"JWS\"}";
        return d;
    }

    private static void Refused(Func<ClientEndpointKind> choose)
    {
        EsignetException ex = Assert.ThrowsAny<EsignetException>(() => choose());
        Assert.Equal("EndpointNotOnLine", ex.ErrorId);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    [InlineData("1.5")]
    [InlineData("1.6")]
    [InlineData("1.8")]
    public void Oidc_client_by_default(string line)
    {
        Assert.Equal(ClientEndpointKind.OidcClient, Esignet(Defs.Baseline(), line));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.3")]
    [InlineData("1.5")]
    [InlineData("1.6")]
    [InlineData("1.8")]
    public void Oauth_client_for_a_name_map_from_1_2(string line)
    {
        Assert.Equal(ClientEndpointKind.OAuthClient, Esignet(WithMap(), line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    public void A_name_map_is_refused_before_1_2(string line)
    {
        Refused(() => Esignet(WithMap(), line));
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("1.7")]
    [InlineData("1.8")]
    public void Client_for_additional_config_from_1_6(string line)
    {
        Assert.Equal(ClientEndpointKind.Client, Esignet(WithConfig(), line));
        ClientDefinition both = WithConfig();
        both.ClientNameLangMap["eng"] = "Portal";
        Assert.Equal(ClientEndpointKind.Client, Esignet(both, line));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.2")]
    [InlineData("1.5")]
    public void Additional_config_is_refused_before_1_6(string line)
    {
        Refused(() => Esignet(WithConfig(), line));
    }

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.1.0")]
    [InlineData("1.2.2")]
    [InlineData("1.3.0")]
    public void Pms_oidc_client_without_a_map(string pms)
    {
        ClientDefinition d = Defs.PmsBaseline();
        Assert.Equal(ClientEndpointKind.PmsOidcClient, Pms(d, pms));
    }

    [Theory]
    [InlineData("1.2.2")]
    [InlineData("1.2.2.2")]
    [InlineData("1.3.0")]
    public void Pms_oauth_client_for_a_map_from_1_2_2(string pms)
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.ClientNameLangMap["eng"] = "Portal";
        Assert.Equal(ClientEndpointKind.PmsOAuthClient, Pms(d, pms));
    }

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.0.1")]
    [InlineData("1.2.1.0")]
    public void Pms_refuses_a_map_before_1_2_2(string pms)
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.ClientNameLangMap["eng"] = "Portal";
        Refused(() => Pms(d, pms));
    }

    [Theory]
    [InlineData("1.2.0")]
    [InlineData("1.2.2")]
    public void Pms_refuses_additional_config(string pms)
    {
        ClientDefinition d = Defs.PmsBaseline();
        d.AdditionalConfigJson = "{}";
        Refused(() => Pms(d, pms));
    }

    [Fact]
    public void The_chosen_endpoint_validates_the_baseline_cleanly()
    {
        foreach (string line in Defs.AllLines)
        {
            ClientDefinition d = Defs.Baseline();
            if (string.CompareOrdinal(line, "1.2") >= 0) d.ClientNameLangMap["eng"] = "Portal";
            ClientEndpointKind endpoint = Esignet(d, line);
            Assert.Empty(Defs.Errors(DefinitionValidator.Validate(d, Defs.Esignet(line), endpoint)));
        }
    }
}

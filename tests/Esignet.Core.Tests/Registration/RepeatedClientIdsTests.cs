using Esignet.Core.Definitions;
using Esignet.Core.Registration;

namespace Esignet.Core.Tests.Registration;

/// <summary>The one repeated-Client-ID rule that New-EsignetOidcClient and Test-EsignetClientDefinition share.</summary>
public class RepeatedClientIdsTests
{
    [Fact]
    public void TheSecondAppearanceNamesTheFirstLine()
    {
        var ids = new RepeatedClientIds();
        Assert.Null(ids.Check("twin", ClientApi.Esignet, 2));
        Assert.Null(ids.Check("other", ClientApi.Esignet, 3));
        ValidationIssue repeat = Assert.IsType<ValidationIssue>(ids.Check("twin", ClientApi.Esignet, 4));
        Assert.Equal(("clientId", "DuplicateClientIdInInput", ValidationRuleNames.DuplicateInInput, (int?)4, true), (repeat.Field, repeat.Code, repeat.Rule, repeat.LineNumber, repeat.IsError));
        Assert.Contains("line 2", repeat.Message);

        // It stays recorded at its first line.
        Assert.Contains("line 2", ids.Check("twin", ClientApi.Esignet, 5)!.Message);
    }

    [Fact]
    public void PmsNamesTheKeyAndRowsWithoutLinesSayEarlierRow()
    {
        var ids = new RepeatedClientIds();
        Assert.Null(ids.Check("derived", ClientApi.Pms, null));
        ValidationIssue repeat = ids.Check("derived", ClientApi.Pms, null)!;
        Assert.Equal("publicKey", repeat.Field);
        Assert.Contains("an earlier row", repeat.Message);
        Assert.Null(ids.Check("Derived", ClientApi.Pms, null)); // Client IDs compare exactly (ordinal)
    }
}

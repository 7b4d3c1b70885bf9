using Esignet.Core.Definitions;
using Xunit;

namespace Esignet.Core.Tests.Definitions;

/// <summary>Issue 20 item 2: a list cell written with commas (as the OpenG2P guide writes lists) gets a hint.</summary>
public class CommaListHintTests
{
    [Theory]
    [InlineData("name,email,phone_number", "userClaims", "name;email;phone_number")]
    [InlineData("mosip:idp:acr:biometrics, mosip:idp:acr:generated-code", "authContextRefs", "mosip:idp:acr:biometrics;mosip:idp:acr:generated-code")]
    [InlineData("authorization_code,", "grantTypes", "authorization_code")]
    [InlineData("https://a.example.org/cb,https://b.example.org/cb", "redirectUris", "https://a.example.org/cb;https://b.example.org/cb")]
    public void A_comma_list_is_refused_with_the_forms_that_work(string cell, string field, string suggested)
    {
        var e = Assert.Throws<CellFormatException>(() => CellParser.ParseList(cell, field));
        Assert.Equal(field, e.Field);
        Assert.Equal("MalformedValue", e.ErrorId);
        Assert.Contains("';', '|' or a JSON array", e.Message);
        Assert.Contains("Write it as " + suggested + ".", e.Message);
    }

    [Fact]
    public void A_comma_inside_an_array_element_is_caught_too()
    {
        Assert.Throws<CellFormatException>(() => CellParser.ParseList(new[] { "name,email" }, "userClaims"));
    }

    [Theory]
    [InlineData("https://portal.example.org/cb?a=1,2")]
    [InlineData("https://portal.example.org/a,b;https://portal.example.org/c")]
    [InlineData("[\"name,x\"]")]
    public void A_comma_that_is_part_of_a_value_or_inside_another_list_form_is_left_alone(string cell)
    {
        CellParser.ParseList(cell, "redirectUris");
    }

    [Fact]
    public void Other_list_forms_still_work_for_claims()
    {
        Assert.Equal(new[] { "name", "email" }, CellParser.ParseList("name;email", "userClaims"));
        Assert.Equal(new[] { "name", "email" }, CellParser.ParseList("name|email", "userClaims"));
        Assert.Equal(new[] { "name", "email" }, CellParser.ParseList("[\"name\",\"email\"]", "userClaims"));
    }
}

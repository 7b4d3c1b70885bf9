using Esignet.Core.Definitions;
using Esignet.Core.Errors;

namespace Esignet.Core.Tests.Definitions;

public class CellParserTests
{
    // ---- lists ----

    [Theory]
    [InlineData("a;b")]
    [InlineData("a|b")]
    [InlineData("[\"a\",\"b\"]")]
    [InlineData(" [ \"a\" , \"b\" ] ")]
    [InlineData(" a ; ; b ; ")]
    [InlineData("a | |b|")]
    [InlineData("[\"a\",\" \",\"b\",\"\"]")]
    public void List_cells_in_every_accepted_form(string cell)
    {
        Assert.Equal(new[] { "a", "b" }, CellParser.ParseList(cell, "grantTypes"));
    }

    [Fact]
    public void Powershell_like_arrays_are_taken_as_they_are()
    {
        var items = new List<object?> { " https://a.example.org/cb ", "", null, "https://b.example.org/cb" };
        Assert.Equal(new[] { "https://a.example.org/cb", "https://b.example.org/cb" }, CellParser.ParseList(items, "redirectUris"));
        Assert.Equal(new[] { "x", "y" }, CellParser.ParseList(new object[] { "x", "y" }, "grantTypes"));
        Assert.Equal(new[] { "x" }, CellParser.ParseList(new[] { "x" }, "grantTypes"));
    }

    [Fact]
    public void Array_elements_holding_a_separated_cell_are_split()
    {
        var items = new List<object?> { "a;b", "c" };
        Assert.Equal(new[] { "a", "b", "c" }, CellParser.ParseList(items, "userClaims"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData(" ; ")]
    public void Nothing_gives_an_empty_list(string? cell)
    {
        Assert.Empty(CellParser.ParseList(cell, "userClaims"));
    }

    [Fact]
    public void A_single_value_is_a_one_element_list()
    {
        Assert.Equal(new[] { "authorization_code" }, CellParser.ParseList(" authorization_code ", "grantTypes"));
    }

    [Theory]
    [InlineData("https://portal.example.org/cb?a=1,2", new[] { "https://portal.example.org/cb?a=1,2" })]
    [InlineData("https://portal.example.org/a,b;https://portal.example.org/c", new[] { "https://portal.example.org/a,b", "https://portal.example.org/c" })]
    [InlineData("[\"https://portal.example.org/x,y\"]", new[] { "https://portal.example.org/x,y" })]
    public void Commas_never_separate(string cell, string[] expected)
    {
        Assert.Equal(expected, CellParser.ParseList(cell, "redirectUris"));
    }

    [Fact]
    public void Urls_with_colons_and_slashes_survive_the_pipe_form()
    {
        Assert.Equal(
            new[] { "io.mosip.residentapp://oauth", "http://localhost:5000/**" },
            CellParser.ParseList("io.mosip.residentapp://oauth|http://localhost:5000/**", "redirectUris"));
    }

    [Theory]
    [InlineData("[\"a\",")]
    [InlineData("[1,2]")]
    [InlineData("[\"a\",{\"b\":1}]")]
    [InlineData("[\"a\" \"b\"]")]
    public void Malformed_json_lists_throw_naming_the_field(string cell)
    {
        CellFormatException ex = Assert.Throws<CellFormatException>(() => CellParser.ParseList(cell, "redirectUris"));
        Assert.Equal("redirectUris", ex.Field);
        Assert.Contains("redirectUris", ex.Message);
        Assert.IsAssignableFrom<EsignetException>(ex);
    }

    [Fact]
    public void A_map_where_a_list_is_expected_throws()
    {
        var map = new Dictionary<string, object?> { ["eng"] = "Portal" };
        CellFormatException ex = Assert.Throws<CellFormatException>(() => CellParser.ParseList(map, "userClaims"));
        Assert.Equal("userClaims", ex.Field);
    }

    // ---- maps ----

    [Theory]
    [InlineData("eng=Name;fra=Nom")]
    [InlineData(" eng = Name ; fra = Nom ; ")]
    [InlineData("eng=Name|fra=Nom")]
    [InlineData("{\"eng\":\"Name\",\"fra\":\"Nom\"}")]
    [InlineData("  {\"eng\":\"Name\", \"fra\":\"Nom\"}  ")]
    public void Map_cells_in_every_accepted_form(string cell)
    {
        Dictionary<string, string> map = CellParser.ParseMap(cell, "clientNameLangMap");
        Assert.Equal(2, map.Count);
        Assert.Equal("Name", map["eng"]);
        Assert.Equal("Nom", map["fra"]);
    }

    [Fact]
    public void A_dictionary_is_taken_as_it_is()
    {
        IDictionary<string, object?> input = new Dictionary<string, object?> { ["eng"] = "Name", [" fra "] = "Nom" };
        Dictionary<string, string> map = CellParser.ParseMap(input, "clientNameLangMap");
        Assert.Equal(2, map.Count);
        Assert.Equal("Name", map["eng"]);
        Assert.Equal("Nom", map["fra"]);
    }

    [Fact]
    public void An_equals_sign_in_the_value_is_kept()
    {
        Dictionary<string, string> map = CellParser.ParseMap("eng=A=B", "clientNameLangMap");
        Assert.Equal("A=B", map["eng"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    public void Nothing_gives_an_empty_map(string? cell)
    {
        Assert.Empty(CellParser.ParseMap(cell, "clientNameLangMap"));
    }

    [Theory]
    [InlineData("eng")]
    [InlineData("eng=Name;fra")]
    [InlineData("=Name")]
    [InlineData("{\"eng\":\"Name\"")]
    [InlineData("{eng:\"Name\"}")]
    [InlineData("{\"eng\":1}")]
    [InlineData("eng=A;eng=B")]
    [InlineData("{\"eng\":\"A\",\"eng\":\"B\"}")]
    [InlineData("[\"eng\"]")]
    public void Malformed_maps_throw_naming_the_field(string cell)
    {
        CellFormatException ex = Assert.Throws<CellFormatException>(() => CellParser.ParseMap(cell, "clientNameLangMap"));
        Assert.Equal("clientNameLangMap", ex.Field);
        Assert.Contains("clientNameLangMap", ex.Message);
    }

    [Fact]
    public void Duplicate_key_after_trimming_throws()
    {
        IDictionary<string, object?> input = new Dictionary<string, object?> { ["eng"] = "A", [" eng"] = "B" };
        CellFormatException ex = Assert.Throws<CellFormatException>(() => CellParser.ParseMap(input, "clientNameLangMap"));
        Assert.Equal("clientNameLangMap", ex.Field);
    }

    [Fact]
    public void A_list_where_a_map_is_expected_throws()
    {
        Assert.Throws<CellFormatException>(() => CellParser.ParseMap(new List<object?> { "eng=Name" }, "clientNameLangMap"));
    }

    // ---- JSON values ----

    [Fact]
    public void Json_object_text_is_returned_as_json()
    {
        string? json = CellParser.ParseJsonObject(" {\"require_pkce\": true} ", "additionalConfig");
        Assert.NotNull(json);
        using var doc = System.Text.Json.JsonDocument.Parse(json!);
        Assert.True(doc.RootElement.GetProperty("require_pkce").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_json_gives_null(string? cell)
    {
        Assert.Null(CellParser.ParseJsonObject(cell, "additionalConfig"));
    }

    [Fact]
    public void A_dictionary_is_written_as_json()
    {
        var input = new Dictionary<string, object?> { ["userinfo_response_type"] = "JWE", ["consent_expire_in_mins"] = 15 };
        string? json = CellParser.ParseJsonObject(input, "additionalConfig");
        using var doc = System.Text.Json.JsonDocument.Parse(json!);
        Assert.Equal("JWE", doc.RootElement.GetProperty("userinfo_response_type").GetString());
        Assert.Equal(15, doc.RootElement.GetProperty("consent_expire_in_mins").GetInt32());
    }

    [Theory]
    [InlineData("{\"require_pkce\":")]
    [InlineData("require_pkce=true")]
    public void Malformed_json_throws_naming_the_field(string cell)
    {
        CellFormatException ex = Assert.Throws<CellFormatException>(() => CellParser.ParseJsonObject(cell, "additionalConfig"));
        Assert.Equal("additionalConfig", ex.Field);
        Assert.Contains("additionalConfig", ex.Message);
    }
}

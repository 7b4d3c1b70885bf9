using System.Reflection;
using System.Text.Json;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// The partners, policies, policy groups and mappings PMS checks a create against: the embedded
/// <c>Data/pms-seed.json</c>, with a <c>--pms-seed</c> file merged over it (same id, or same partner+policy pair
/// for mappings, replaces; anything else is added). Read-only while the sandbox runs.
/// </summary>
public sealed class PmsDirectory
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Dictionary<string, PmsPartner> _partners;
    private readonly Dictionary<string, PmsPolicy> _policies;
    private readonly Dictionary<string, PmsPolicyGroup> _groups;
    private readonly List<PmsPolicyMapping> _mappings;

    private PmsDirectory(PmsSeed seed)
    {
        _partners = (seed.Partners ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        _policies = (seed.Policies ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
        _groups = (seed.PolicyGroups ?? []).ToDictionary(g => g.Id, StringComparer.Ordinal);
        _mappings = [.. seed.Mappings ?? []];
    }

    public static PmsDirectory Load(string? overrideFile)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Esignet.Sandbox.Data.pms-seed.json")
            ?? throw new InvalidOperationException("Missing embedded resource pms-seed.json.");
        var seed = JsonSerializer.Deserialize<PmsSeed>(stream, Options)!;
        if (overrideFile is not null)
        {
            var extra = JsonSerializer.Deserialize<PmsSeed>(File.ReadAllText(overrideFile), Options)
                ?? throw new InvalidDataException($"{overrideFile} is not a PMS seed.");
            seed = Merge(seed, extra);
        }
        return new PmsDirectory(seed);
    }

    public PmsPartner? Partner(string id) => _partners.GetValueOrDefault(id);

    public PmsPolicy? Policy(string id) => _policies.GetValueOrDefault(id);

    public PmsPolicyGroup? Group(string id) => _groups.GetValueOrDefault(id);

    /// <summary>The mapping rows for a partner id and policy, in seed order (1.2.0 looks only at the first).</summary>
    public IReadOnlyList<PmsPolicyMapping> Mappings(string partnerId, string policyId) =>
        _mappings.Where(m => m.PartnerId == partnerId && m.PolicyId == policyId).ToList();

    /// <summary>The partners a Keycloak user owns (partner.user_id = token user, §5.1 #4).</summary>
    public IReadOnlyList<PmsPartner> PartnersOwnedBy(string userId) => _partners.Values.Where(p => p.UserId == userId).ToList();

    public string ToJson() => JsonSerializer.Serialize(new PmsSeed([.. _groups.Values], [.. _partners.Values], [.. _policies.Values], _mappings), Options);

    private static PmsSeed Merge(PmsSeed a, PmsSeed b) => new(
        MergeBy(a.PolicyGroups, b.PolicyGroups, g => g.Id),
        MergeBy(a.Partners, b.Partners, p => p.Id),
        MergeBy(a.Policies, b.Policies, p => p.Id),
        MergeBy(a.Mappings, b.Mappings, m => m.PartnerId + "\n" + m.PolicyId));

    private static List<T> MergeBy<T>(IReadOnlyList<T>? first, IReadOnlyList<T>? second, Func<T, string> key)
    {
        var result = new List<T>(first ?? []);
        foreach (var item in second ?? [])
        {
            var index = result.FindIndex(x => key(x) == key(item));
            if (index >= 0) result[index] = item;
            else result.Add(item);
        }
        return result;
    }
}

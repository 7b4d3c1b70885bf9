using System.Reflection;
using System.Text.Json;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// The partners, policies, policy groups and mappings of the sandbox's PMS: the embedded <c>Data/pms-seed.json</c>
/// (or nothing with <c>--pms-empty</c>), with a <c>--pms-seed</c> file merged over it (same id, or same partner+policy
/// pair for mappings, replaces; anything else is added). The onboarding endpoints (pms-partner-onboarding.md §3) change
/// it while the sandbox runs; <see cref="Reset"/> returns to the starting state. All access is under one lock.
/// </summary>
public sealed class PmsDirectory
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly object _gate = new();
    private readonly PmsSeed _start;
    private Dictionary<string, PmsPartner> _partners = [];
    private Dictionary<string, PmsPolicy> _policies = [];
    private Dictionary<string, PmsPolicyGroup> _groups = [];
    private List<PmsPolicyMapping> _mappings = [];

    private PmsDirectory(PmsSeed seed)
    {
        _start = seed;
        Reset();
    }

    public static PmsDirectory Load(string? overrideFile, bool empty = false)
    {
        var seed = empty ? new PmsSeed([], [], [], []) : Embedded();
        if (overrideFile is not null)
        {
            var extra = JsonSerializer.Deserialize<PmsSeed>(File.ReadAllText(overrideFile), Options)
                ?? throw new InvalidDataException($"{overrideFile} is not a PMS seed.");
            seed = Merge(seed, extra);
        }
        return new PmsDirectory(seed);
    }

    private static PmsSeed Embedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Esignet.Sandbox.Data.pms-seed.json")
            ?? throw new InvalidOperationException("Missing embedded resource pms-seed.json.");
        return JsonSerializer.Deserialize<PmsSeed>(stream, Options)!;
    }

    /// <summary>Back to the starting state (<c>POST /_sandbox/reset</c>).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _partners = (_start.Partners ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
            _policies = (_start.Policies ?? []).ToDictionary(p => p.Id, StringComparer.Ordinal);
            _groups = (_start.PolicyGroups ?? []).ToDictionary(g => g.Id, StringComparer.Ordinal);
            // Seed rows without a mapping key get one out of the random range's way.
            _mappings = (_start.Mappings ?? []).Select((m, i) => m.Id.Length > 0 ? m : m with { Id = (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        }
    }

    /// <summary>Runs <paramref name="change"/> under the directory's lock, so a check and the write it guards are one step.</summary>
    public T Locked<T>(Func<T> change)
    {
        lock (_gate) return change();
    }

    public PmsPartner? Partner(string id) { lock (_gate) return _partners.GetValueOrDefault(id); }

    public PmsPolicy? Policy(string id) { lock (_gate) return _policies.GetValueOrDefault(id); }

    public PmsPolicyGroup? Group(string id) { lock (_gate) return _groups.GetValueOrDefault(id); }

    /// <summary>Exact, case-sensitive name match (policy_group.name is UNIQUE, pms-partner-onboarding.md §2).</summary>
    public PmsPolicyGroup? GroupByName(string name) { lock (_gate) return _groups.Values.FirstOrDefault(g => g.Name == name); }

    public IReadOnlyList<PmsPolicyGroup> Groups() { lock (_gate) return [.. _groups.Values]; }

    public IReadOnlyList<PmsPolicy> PoliciesIn(string groupId) { lock (_gate) return _policies.Values.Where(p => p.PolicyGroupId == groupId).ToList(); }

    public IReadOnlyList<PmsPolicy> Policies() { lock (_gate) return [.. _policies.Values]; }

    public IReadOnlyList<PmsPartner> Partners() { lock (_gate) return [.. _partners.Values]; }

    /// <summary>The mapping rows for a partner id and policy, oldest first (1.2.0 looks only at the first).</summary>
    public IReadOnlyList<PmsPolicyMapping> Mappings(string partnerId, string policyId)
    {
        lock (_gate) return _mappings.Where(m => m.PartnerId == partnerId && m.PolicyId == policyId).ToList();
    }

    public IReadOnlyList<PmsPolicyMapping> AllMappings() { lock (_gate) return [.. _mappings]; }

    public PmsPolicyMapping? Mapping(string key) { lock (_gate) return _mappings.FirstOrDefault(m => m.Id == key); }

    /// <summary>The partners a Keycloak user owns (partner.user_id = token user, §5.1 #4).</summary>
    public IReadOnlyList<PmsPartner> PartnersOwnedBy(string userId) { lock (_gate) return _partners.Values.Where(p => p.UserId == userId).ToList(); }

    public void Put(PmsPolicyGroup group) { lock (_gate) _groups[group.Id] = group; }

    public void Put(PmsPolicy policy) { lock (_gate) _policies[policy.Id] = policy; }

    public void Put(PmsPartner partner) { lock (_gate) _partners[partner.Id] = partner; }

    /// <summary>Adds a mapping row, or replaces the row with the same key.</summary>
    public void Put(PmsPolicyMapping mapping)
    {
        lock (_gate)
        {
            var index = _mappings.FindIndex(m => m.Id == mapping.Id);
            if (index >= 0) _mappings[index] = mapping;
            else _mappings.Add(mapping);
        }
    }

    public string ToJson()
    {
        lock (_gate) return JsonSerializer.Serialize(new PmsSeed([.. _groups.Values], [.. _partners.Values], [.. _policies.Values], _mappings), Options);
    }

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

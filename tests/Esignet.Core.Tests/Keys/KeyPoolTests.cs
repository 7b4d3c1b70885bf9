using System;
using System.Collections.Generic;
using System.Linq;
using Esignet.Core.Keys;

namespace Esignet.Core.Tests.Keys;

/// <summary>The one parallel key generator (New-EsignetOidcClient -GenerateKey and New-EsignetJwk -Count).</summary>
public class KeyPoolTests
{
    private static KeySpec Ec() => new KeySpec { Kind = KeyKind.EC };

    [Fact]
    public void WithATotalItMakesExactlyThatManyDistinctKeys()
    {
        using var pool = new KeyPool(Ec(), workers: 3, total: 5);
        List<JwkKeyPair> keys = Enumerable.Range(0, 5).Select(_ => pool.Take()).ToList();
        Assert.Equal(5, keys.Select(k => k.KeyId).Distinct().Count());
        var beyond = Assert.Throws<InvalidOperationException>(() => pool.Take());
        Assert.Contains("5 keys", beyond.Message);
    }

    [Fact]
    public void WithoutATotalItKeepsGoing()
    {
        using var pool = new KeyPool(Ec(), workers: 2);
        Assert.Equal(20, Enumerable.Range(0, 20).Select(_ => pool.Take().KeyId).Distinct().Count());
    }

    [Fact]
    public void APlaceholderPoolHandsOutOneKey()
    {
        using var pool = KeyPool.Placeholder(Ec());
        Assert.True(pool.IsPlaceholder);
        Assert.Same(pool.Take(), pool.Take());
    }
}

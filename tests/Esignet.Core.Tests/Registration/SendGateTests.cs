using Esignet.Core.Registration;

namespace Esignet.Core.Tests.Registration;

public class SendGateTests
{
    [Fact]
    public async Task No_more_than_the_limit_are_inside_at_once()
    {
        var gate = new SendGate(3);
        int inside = 0, most = 0;
        async Task One()
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                int now = Interlocked.Increment(ref inside);
                int seen;
                while (now > (seen = Volatile.Read(ref most)) && Interlocked.CompareExchange(ref most, now, seen) != seen) { }
                await Task.Delay(5);
                Interlocked.Decrement(ref inside);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(One))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, most);
        Assert.Equal(0, inside);
    }

    [Fact]
    public async Task Waiters_enter_in_the_order_they_arrived()
    {
        var gate = new SendGate(1);
        IDisposable first = await gate.EnterAsync(CancellationToken.None);
        var order = new List<int>();
        var waiting = Enumerable.Range(1, 5).Select(i => Enter(i)).ToList();
        async Task Enter(int i)
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                lock (order) order.Add(i);
            }
        }

        first.Dispose();
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, order);
    }

    [Fact]
    public async Task A_waiter_can_be_cancelled_and_takes_no_slot()
    {
        var gate = new SendGate(1);
        IDisposable held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        Task<IDisposable> waiter = gate.EnterAsync(cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);

        held.Dispose();
        held.Dispose(); // a slot given back twice must not grow the limit
        IDisposable again = await gate.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(gate.EnterAsync(CancellationToken.None).IsCompleted);
        again.Dispose();
    }

    [Fact]
    public void A_limit_below_one_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new SendGate(0));
}

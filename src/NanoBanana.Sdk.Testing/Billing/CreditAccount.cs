namespace NanoBanana.Sdk.Testing.Billing;

/// <summary>The emulated account's credit balance, shared by every vendor module.</summary>
internal sealed class CreditAccount(int initialCredits)
{
    private readonly Lock _gate = new();
    private int _balance = initialCredits;

    public int Balance
    {
        get { lock (_gate) { return _balance; } }
    }

    /// <summary>Deducts <paramref name="amount"/> when the balance covers it; returns false and charges nothing otherwise.</summary>
    public bool TryCharge(int amount, out int remaining)
    {
        lock (_gate)
        {
            if (amount > _balance)
            {
                remaining = _balance;
                return false;
            }

            _balance -= amount;
            remaining = _balance;
            return true;
        }
    }
}

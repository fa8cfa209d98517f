namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// Makes cuid-like generation ids (<c>cl</c> + 22 lowercase base-36 digits) from a counter, so runs are
/// reproducible and ids never collide within one emulator.
/// </summary>
internal sealed class GenerationIdGenerator
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int BodyLength = 22;

    private long _counter;

    public string Next()
    {
        var value = Interlocked.Increment(ref _counter);
        return string.Create(2 + BodyLength, value, static (chars, remaining) =>
        {
            chars[0] = 'c';
            chars[1] = 'l';
            for (var i = chars.Length - 1; i >= 2; i--)
            {
                chars[i] = Digits[(int)(remaining % Digits.Length)];
                remaining /= Digits.Length;
            }
        });
    }
}

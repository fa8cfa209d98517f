namespace NanoBanana.Sdk.Testing.Images;

/// <summary>
/// Paints a deterministic picture from a seed: a diagonal gradient between two palette colours with a soft
/// glowing disc in a third. Integer arithmetic keeps a 4096-pixel image quick to draw.
/// </summary>
internal sealed class GradientPainter
{
    private static readonly (int R, int G, int B)[] Palette =
    [
        (255, 190, 11), (251, 86, 7), (255, 0, 110), (131, 56, 236), (58, 134, 255),
        (6, 214, 160), (17, 138, 178), (7, 59, 76), (239, 71, 111), (255, 209, 102),
        (38, 70, 83), (233, 196, 106),
    ];

    private readonly (int R, int G, int B) _from;
    private readonly (int R, int G, int B) _to;
    private readonly (int R, int G, int B) _glow;
    private readonly int[] _columnShare;
    private readonly int _height;
    private readonly long _centerX;
    private readonly long _centerY;
    private readonly long _radiusSquared;

    public GradientPainter(ImageSpec spec)
    {
        var seed = spec.Seed;
        var fromIndex = (int)(seed % (ulong)Palette.Length);
        var toIndex = (fromIndex + 1 + (int)((seed >> 8) % (ulong)(Palette.Length - 1))) % Palette.Length;
        _from = Palette[fromIndex];
        _to = Palette[toIndex];
        _glow = Palette[(int)((seed >> 16) % (ulong)Palette.Length)];
        _height = spec.Height;
        _columnShare = new int[spec.Width];
        for (var x = 0; x < _columnShare.Length; x++)
        {
            _columnShare[x] = x * 255 / spec.Width;
        }

        _centerX = (long)((seed >> 24) % 1000) * spec.Width / 1000;
        _centerY = (long)((seed >> 40) % 1000) * spec.Height / 1000;
        var radius = (long)Math.Min(spec.Width, spec.Height) * (20 + (int)((seed >> 56) % 20)) / 100;
        _radiusSquared = Math.Max(1, radius * radius);
    }

    /// <summary>Fills <paramref name="rgb"/> (three bytes per pixel) with row <paramref name="y"/>.</summary>
    public void PaintRow(int y, Span<byte> rgb)
    {
        var rowShare = y * 255 / _height;
        var dy = y - _centerY;
        for (var x = 0; x < _columnShare.Length; x++)
        {
            var share = (_columnShare[x] + rowShare) / 2;
            var r = Mix(_from.R, _to.R, share);
            var g = Mix(_from.G, _to.G, share);
            var b = Mix(_from.B, _to.B, share);

            var dx = x - _centerX;
            var distanceSquared = (dx * dx) + (dy * dy);
            if (distanceSquared < _radiusSquared)
            {
                var glow = (int)(255 - (distanceSquared * 255 / _radiusSquared));
                r = Mix(r, _glow.R, glow);
                g = Mix(g, _glow.G, glow);
                b = Mix(b, _glow.B, glow);
            }

            var offset = x * 3;
            rgb[offset] = (byte)r;
            rgb[offset + 1] = (byte)g;
            rgb[offset + 2] = (byte)b;
        }
    }

    private static int Mix(int from, int to, int share) => from + ((to - from) * share / 255);
}

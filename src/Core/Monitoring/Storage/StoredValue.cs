namespace Tianshan.Core.Monitoring.Storage;

/// <summary>Values are stored as 32-bit floats (see <see cref="Reading"/>).</summary>
internal static class StoredValue
{
    /// <summary>The double a stored float stands for: rounded to the float's 7 significant digits, so 50.28 written
    /// reads back as 50.28, not 50.279998779296875. About 55 ns; applied only to what a query returns.</summary>
    public static double Widen(float value) =>
        float.IsFinite(value) && MathF.Abs(value) is > 1e-20f and < 1e20f ? (double)(decimal)value : value;

    public static double Widen(double stored) => Widen((float)stored);
}

namespace CrmAlliance.Matching.Engine;

/// <summary>
/// DISCO-08 occupation codes: 4 to 6 digits whose prefixes of length 1, 2, 3 and 4 are the ISCO-08 major, sub-major,
/// minor and unit groups; digits 5 and 6 are the Danish occupations within the unit group.
/// </summary>
public static class DiscoCodes
{
    /// <summary>The deepest level compared: six digits.</summary>
    public const int MaxLevel = 6;

    /// <summary>
    /// How many digits two codes share from the start (0 to 6): the level of the deepest group both belong to.
    /// The comparison stops at the first difference or non-digit, so a malformed code shares nothing past it.
    /// </summary>
    public static int SharedLevel(string a, string b)
    {
        var length = Math.Min(Math.Min(a.Length, b.Length), MaxLevel);
        var shared = 0;
        while (shared < length && a[shared] == b[shared] && char.IsAsciiDigit(a[shared]))
        {
            shared++;
        }

        return shared;
    }

    /// <summary>The number of leading digits of a code, at most <see cref="MaxLevel"/>: the deepest level it can share.</summary>
    public static int Depth(string code) => SharedLevel(code, code);

    /// <summary>How a shared level reads in an explanation: "same occupation group 5223".</summary>
    public static string DescribeSharedLevel(string vacancyCode, int level) => level switch
    {
        0 => "no shared occupation group",
        1 => $"same major group {vacancyCode[..1]}",
        2 => $"same sub-major group {vacancyCode[..2]}",
        3 => $"same minor group {vacancyCode[..3]}",
        4 => $"same occupation group {vacancyCode[..4]}",
        _ => $"same occupation {vacancyCode[..level]}",
    };
}

using System.Runtime.CompilerServices;

namespace CrmAlliance.DataGeneration;

/// <summary>
/// Entities for the millions of generated rows. Their constructors give each new entity an id from
/// <see cref="Guid.CreateVersion7()"/>, which reads the operating system's random source (about 6 µs here, a
/// system call per id) only for the generator to overwrite it with a seeded one. A blank object skips the
/// constructor and the property initialisers: every field starts empty. A forgotten text or reference field is
/// a NOT NULL failure at once, but a forgotten number, flag or enum is silently 0 or false (not the entity's
/// default, such as a vacancy's <c>Positions = 1</c>), so the builders set every value-type field themselves.
/// </summary>
public static class SeedRows
{
    public static T Blank<T>()
        where T : class
        => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}

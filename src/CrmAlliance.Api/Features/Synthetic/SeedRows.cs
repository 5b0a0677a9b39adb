using System.Runtime.CompilerServices;

namespace CrmAlliance.Api.Features.Synthetic;

/// <summary>
/// Entities for the millions of generated rows. Their constructors give each new entity an id from
/// <see cref="Guid.CreateVersion7()"/>, which reads the operating system's random source (about 6 µs here, a
/// system call per id) only for the generator to overwrite it with a seeded one. A blank object skips the
/// constructor: every field starts empty, and each one the generator forgets is a NOT NULL failure at once
/// rather than a silent default.
/// </summary>
public static class SeedRows
{
    public static T Blank<T>()
        where T : class
        => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>The same instant at offset zero, which is all PostgreSQL's <c>timestamp with time zone</c> accepts from Npgsql.</summary>
public sealed class DateTimeOffsetToUtcConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>
/// A decimal as SQLite and SQL Server hand it back: PostgreSQL's <c>numeric(9,2)</c> returns 37.5 as 37.50, which would
/// show in JSON and CSV; dividing by one with many decimals drops the trailing zeros without changing the value.
/// </summary>
public sealed class DecimalWithoutTrailingZerosConverter()
    : ValueConverter<decimal, decimal>(v => v, v => v / 1.000000000000000000000000000000000m);

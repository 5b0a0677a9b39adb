using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>The same instant at offset zero, which is all PostgreSQL's <c>timestamp with time zone</c> accepts from Npgsql.</summary>
public sealed class DateTimeOffsetToUtcConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

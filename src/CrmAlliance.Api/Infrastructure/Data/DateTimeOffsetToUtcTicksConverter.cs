using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmAlliance.Api.Infrastructure.Data;

/// <summary>Stores a timestamp as UTC ticks so SQLite orders and compares it as a number.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

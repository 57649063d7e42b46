using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Amanat.Core.Data;

/// <summary>Writes UTC times as they are and reads them back with <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ventanilla.Web;

namespace Ventanilla.Data;

/// <summary>Stores an enum as the same snake_case text the API speaks.</summary>
public sealed class WireEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => Wire.Name(value),
    text => Wire.Parse<TEnum>(text))
    where TEnum : struct, Enum;

public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>Reads options by configuration key (<c>Resilience:BaseDelay</c>, <c>Webhooks:Secrets:1</c>) and lists every key an options type binds.</summary>
public static class OptionsPaths
{
    /// <summary>Every setting of <paramref name="type"/>, as keys relative to its section; a list counts as one setting.</summary>
    /// <param name="type">The options type.</param>
    /// <returns>The keys, nested ones joined with <c>:</c>.</returns>
    public static IEnumerable<string> Settings(Type type) => Settings(type, prefix: "");

    /// <summary>The value at a key, or <see langword="null"/> past the end of a list.</summary>
    /// <param name="options">The options.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value.</returns>
    public static object? Read(object options, string key)
    {
        object? current = options;
        foreach (var segment in key.Split(':'))
        {
            current = current is IList list && int.TryParse(segment, CultureInfo.InvariantCulture, out var index)
                ? (index < list.Count ? list[index] : null)
                : Property(current!.GetType(), segment).GetValue(current);
        }

        return current;
    }

    /// <summary>A configuration string converted to the type of the setting at <paramref name="key"/>, as the binder reads it.</summary>
    /// <param name="type">The options type.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The configuration string.</param>
    /// <returns>The typed value.</returns>
    public static object? Convert(Type type, string key, string value) =>
        TypeDescriptor.GetConverter(TypeOf(type, key)).ConvertFromInvariantString(value);

    private static IEnumerable<string> Settings(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + property.Name;
            if (IsLeaf(property.PropertyType))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    yield return key;
                }
            }
            else if (IsListType(property.PropertyType))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in Settings(property.PropertyType, key + ":"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static Type TypeOf(Type type, string key)
    {
        var current = type;
        foreach (var segment in key.Split(':'))
        {
            current = IsListType(current) && int.TryParse(segment, CultureInfo.InvariantCulture, out _)
                ? typeof(string)
                : Property(current, segment).PropertyType;
        }

        return current;
    }

    private static PropertyInfo Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new ArgumentException($"{type.Name} has no setting {name}.", nameof(name));

    private static bool IsLeaf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(TimeSpan) || underlying == typeof(Uri);
    }

    private static bool IsListType(Type type) => type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type);
}

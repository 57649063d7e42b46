using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Amanat.Core.Security;

/// <summary>
/// Encryption declared in the entity configuration: <c>builder.IsEncryptedRecord("member", "Member")</c> and
/// <c>builder.HasEncrypted(x => x.WorkingName).WithBlindIndex&lt;CaseFoldedText&gt;()</c>. The CLR property
/// holds plaintext and is not mapped; a shadow property of the same column name holds the ciphertext, and
/// <see cref="FieldEncryptionInterceptor"/> moves values between the two. Pages never call a cipher.
/// </summary>
internal static class EncryptionModel
{
    private const string DataClassAnnotation = "Amanat:DataClass";
    private const string RecordNameAnnotation = "Amanat:RecordName";
    private const string FieldAnnotation = "Amanat:EncryptedField";
    private const string IndexAnnotation = "Amanat:BlindIndexOf";
    private const string NormaliserAnnotation = "Amanat:Normaliser";
    private const string CipherSuffix = "Cipher";

    private static readonly ConcurrentDictionary<IReadOnlyEntityType, EncryptedType?> Types = new();

    /// <param name="dataClass">The class whose versioned key wraps this record's key ("member", "incident", "staff").</param>
    /// <param name="recordName">The entity name bound into every value's associated data; never change it.</param>
    public static EntityTypeBuilder<T> IsEncryptedRecord<T>(this EntityTypeBuilder<T> builder, string dataClass, string recordName)
        where T : class, IEncryptedRecord
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(DataClassAnnotation, dataClass).HasAnnotation(RecordNameAnnotation, recordName);
    }

    public static EncryptedFieldBuilder<T> HasEncrypted<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property)
        where T : class, IEncryptedRecord
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(property);
        var name = ((MemberExpression)property.Body).Member.Name;
        builder.Ignore(name);
        builder.Property<string?>(name + CipherSuffix).HasColumnName(name).HasAnnotation(FieldAnnotation, name);
        return new EncryptedFieldBuilder<T>(builder, name);
    }

    public sealed class EncryptedFieldBuilder<T>(EntityTypeBuilder<T> builder, string field)
        where T : class
    {
        /// <summary>Adds an indexed HMAC of the normalised value beside the ciphertext, for equality lookups.</summary>
        public EntityTypeBuilder<T> WithBlindIndex<TNormaliser>()
            where TNormaliser : IIdentifierNormaliser, new()
        {
            var index = BlindIndex.Of(field);
            var type = typeof(TNormaliser);
            builder.Property<byte[]?>(index).HasMaxLength(BlindIndex.Size)
                .HasAnnotation(IndexAnnotation, field)
                .HasAnnotation(NormaliserAnnotation, $"{type.FullName}, {type.Assembly.GetName().Name}");
            builder.HasIndex(index);
            return builder;
        }
    }

    /// <summary>The encrypted fields of an entity type, or null when it has none.</summary>
    internal static EncryptedType? Of(IReadOnlyEntityType entityType) => Types.GetOrAdd(entityType, Describe);

    private static EncryptedType? Describe(IReadOnlyEntityType entityType)
    {
        var fields = entityType.GetProperties()
            .Where(p => p.FindAnnotation(FieldAnnotation)?.Value is string)
            .Select(p =>
            {
                var name = (string)p.FindAnnotation(FieldAnnotation)!.Value!;
                var index = entityType.GetProperties().FirstOrDefault(i => Equals(i.FindAnnotation(IndexAnnotation)?.Value, name));
                var normaliser = index?.FindAnnotation(NormaliserAnnotation)?.Value is string typeName
                    ? (IIdentifierNormaliser)Activator.CreateInstance(Type.GetType(typeName, throwOnError: true)!)!
                    : null;
                var clr = entityType.ClrType.GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                    ?? throw new InvalidOperationException($"{entityType.ClrType.Name}.{name} is not a property.");
                return new EncryptedField(name, p.Name, clr, index?.Name, normaliser);
            })
            .ToList();
        if (fields.Count == 0)
        {
            return null;
        }

        var dataClass = entityType.FindAnnotation(DataClassAnnotation)?.Value as string
            ?? throw new InvalidOperationException($"{entityType.ClrType.Name} has encrypted fields but no IsEncryptedRecord(...) configuration.");
        var recordName = (string)entityType.FindAnnotation(RecordNameAnnotation)!.Value!;
        var key = entityType.FindPrimaryKey()!.Properties
            .Select(p => p.PropertyInfo ?? throw new InvalidOperationException($"{entityType.ClrType.Name}: an encrypted record's key must be CLR properties."))
            .ToList();
        return new EncryptedType(dataClass, recordName, key, fields);
    }
}

internal sealed record EncryptedType(string DataClass, string RecordName, IReadOnlyList<PropertyInfo> KeyProperties, IReadOnlyList<EncryptedField> Fields)
{
    /// <summary>Binds a value to its entity, field and every part of the row's primary key.</summary>
    public FieldContext Context(EncryptedField field, object entity) =>
        new(RecordName, field.Name, string.Join('/', KeyProperties.Select(p => p.GetValue(entity) switch
        {
            Guid guid => guid.ToString("N"),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        })));
}

internal sealed record EncryptedField(string Name, string CipherProperty, PropertyInfo Clr, string? IndexProperty, IIdentifierNormaliser? Normaliser);

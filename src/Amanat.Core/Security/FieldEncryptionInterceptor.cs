using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Amanat.Core.Security;

/// <summary>
/// Field encryption in the persistence layer, where the entity and its id are known: before saving, each
/// changed plaintext is encrypted under its record's key (and its blind index computed); after loading,
/// ciphertext is decrypted into the plaintext property. Registered once for the context.
/// </summary>
public sealed class FieldEncryptionInterceptor(KeyVault vault, TimeProvider clock) : SaveChangesInterceptor, IMaterializationInterceptor
{
    private readonly ConditionalWeakTable<DbContext, RecordKeyCache> caches = [];

    // What each loaded or saved entity's protected fields held, to tell a changed value from an unchanged one.
    private readonly ConditionalWeakTable<object, Dictionary<string, string?>> snapshots = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Protect(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Protect(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var type = EncryptionModel.Of(materializationData.EntityType);
        if (type is null)
        {
            return entity;
        }

        var cache = caches.GetValue(materializationData.Context, c => new RecordKeyCache(c, vault, clock));
        var snapshot = new Dictionary<string, string?>(StringComparer.Ordinal);
        byte[]? key = null;
        foreach (var field in type.Fields)
        {
            var stored = materializationData.GetPropertyValue<string?>(field.CipherProperty);
            string? plain = null;
            if (stored is not null)
            {
                key ??= cache.Find(((IEncryptedRecord)entity).KeyOwnerId)
                    ?? throw new CryptographicException($"The key of this {type.RecordName} is missing (forgotten or not restored).");
                var context = type.Context(field, entity);
                plain = FieldCipher.Decrypt(key, stored, context);
            }

            field.Clr.SetValue(entity, plain);
            snapshot[field.Name] = plain;
        }

        snapshots.AddOrUpdate(entity, snapshot);
        return entity;
    }

    private void Protect(DbContext context)
    {
        var cache = caches.GetValue(context, c => new RecordKeyCache(c, vault, clock));
        var entries = context.ChangeTracker.Entries().ToList();

        // Records being inserted have no key row yet: no need to look one up (this matters for bulk inserts).
        var newOwners = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<Common.Entity>().Select(e => e.Id).ToHashSet();
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached || EncryptionModel.Of(entry.Metadata) is not { } type)
            {
                continue;
            }

            snapshots.TryGetValue(entry.Entity, out var snapshot);
            var changed = type.Fields
                .Select(f => (Field: f, Plain: (string?)f.Clr.GetValue(entry.Entity)))
                .Where(x => entry.State == EntityState.Added || snapshot is null || !snapshot.TryGetValue(x.Field.Name, out var old) || old != x.Plain)
                .ToList();
            if (changed.Count == 0)
            {
                continue;
            }

            snapshot ??= new Dictionary<string, string?>(StringComparer.Ordinal);
            var owner = ((IEncryptedRecord)entry.Entity).KeyOwnerId;
            var key = cache.FindOrCreate(owner, type.DataClass, isNewOwner: newOwners.Contains(owner));
            foreach (var (field, plain) in changed)
            {
                var fieldContext = type.Context(field, entry.Entity);
                entry.Property(field.CipherProperty).CurrentValue = plain is null ? null : FieldCipher.Encrypt(key, 1, plain, fieldContext);
                if (field.IndexProperty is not null)
                {
                    entry.Property(field.IndexProperty).CurrentValue = BlindIndex.Compute(vault.Keys, field.Normaliser!, plain);
                }

                snapshot[field.Name] = plain;
            }

            snapshots.AddOrUpdate(entry.Entity, snapshot);
        }
    }
}

/// <summary>
/// The record keys one context has used, unwrapped. Keys are looked up through a second context on its own
/// connection, because decryption happens while the first one is still reading rows.
/// </summary>
internal sealed class RecordKeyCache(DbContext context, KeyVault vault, TimeProvider clock)
{
    private readonly Dictionary<Guid, byte[]> keys = [];

    public byte[]? Find(Guid ownerId)
    {
        if (keys.TryGetValue(ownerId, out var known))
        {
            return known;
        }

        var options = context.GetService<IDbContextOptions>();
        using var lookup = (DbContext)Activator.CreateInstance(context.GetType(), options)!;
        var row = lookup.Set<RecordKey>().AsNoTracking().SingleOrDefault(k => k.OwnerId == ownerId);
        if (row is null)
        {
            return null;
        }

        var key = row.Unwrap(vault.Keys);
        keys[ownerId] = key;
        return key;
    }

    public byte[] FindOrCreate(Guid ownerId, string dataClass, bool isNewOwner)
    {
        if ((isNewOwner ? keys.GetValueOrDefault(ownerId) : Find(ownerId)) is { } existing)
        {
            return existing;
        }

        var ring = vault.Keys;
        var key = RandomNumberGenerator.GetBytes(KeyRing.KeySize);
        var wrappingKey = ring.DataClassKey(dataClass, ring.CurrentDataVersion);
        var wrapped = Aead.Seal(wrappingKey, key, RecordKey.AssociatedData(ownerId, dataClass));
        CryptographicOperations.ZeroMemory(wrappingKey);
        context.Add(new RecordKey(ownerId, dataClass, ring.CurrentDataVersion, wrapped, clock.GetUtcNow().UtcDateTime));
        keys[ownerId] = key;
        return key;
    }
}

using System.Security.Cryptography;
using System.Text;
using Amanat.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Tests.Security;

/// <summary>
/// Field encryption as the persistence layer does it, on a small model of its own: a person (her own key)
/// and her notes (under her key), with a blind index on the name.
/// </summary>
public sealed class FieldEncryptionTests : IDisposable
{
    private readonly TestVault keys = new();
    private readonly string database;
    private FieldEncryptionInterceptor interceptor;

    public FieldEncryptionTests()
    {
        database = Path.Combine(keys.Directory, "test.db");
        interceptor = new FieldEncryptionInterceptor(keys.Vault, keys.Clock);
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task Values_RoundTrip_AndTheDatabaseHoldsOnlyCiphertext()
    {
        var person = new Person("Айгүл canary-name-1", "canary-story-1");
        await SaveAsync(person, new Note(person.Id, "canary-note-1"));

        await using var db = NewContext();
        var loaded = await db.People.SingleAsync();
        var note = await db.Notes.SingleAsync();

        Assert.Equal("Айгүл canary-name-1", loaded.Name);
        Assert.Equal("canary-story-1", loaded.Story);
        Assert.Equal("canary-note-1", note.Text);
        var raw = await RawAsync("SELECT Name || '|' || Story FROM People");
        Assert.StartsWith("v1.", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", await RawAsync("SELECT Text FROM Notes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePersonAndHerRows_ShareOneRecordKey_WrappedByTheDataClassKey()
    {
        var person = new Person("Name", "Story");
        await SaveAsync(person, new Note(person.Id, "one"), new Note(person.Id, "two"));

        await using var db = NewContext();
        var key = await db.Set<RecordKey>().SingleAsync();
        Assert.Equal(person.Id, key.OwnerId);
        Assert.Equal(DataClasses.Member, key.DataClass);
        Assert.Equal(1, key.Version);
    }

    [Fact]
    public async Task SameValueTwice_GivesDifferentCiphertexts()
    {
        await SaveAsync(new Person("Same", "Same"), new Person("Same", "Same"));

        var names = await RawAsync("SELECT group_concat(Name, '|') FROM People");
        var parts = names.Split('|');
        Assert.NotEqual(parts[0], parts[1]);
    }

    [Fact]
    public async Task ChangedValue_IsReEncrypted_UnchangedRowIsNotWritten()
    {
        var person = new Person("Before", "Story");
        await SaveAsync(person);
        var story = await RawAsync("SELECT Story FROM People");

        await using (var db = NewContext())
        {
            var loaded = await db.People.SingleAsync();
            Assert.Equal(0, await db.SaveChangesAsync());
            loaded.Rename("After");
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        await using var check = NewContext();
        Assert.Equal("After", (await check.People.SingleAsync()).Name);
        Assert.Equal(story, await RawAsync("SELECT Story FROM People"));
    }

    [Fact]
    public async Task CiphertextMovedToAnotherRowOrField_DoesNotDecrypt()
    {
        var first = new Person("First", "Story one");
        var second = new Person("Second", "Story two");
        await SaveAsync(first, second);
        await ExecuteAsync($"UPDATE People SET Story = (SELECT Name FROM People WHERE Id = '{first.Id.ToString().ToUpperInvariant()}') WHERE Id = '{first.Id.ToString().ToUpperInvariant()}'");

        await using var db = NewContext();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => db.People.SingleAsync(x => x.Id == first.Id));
    }

    [Fact]
    public async Task BlindIndex_FindsTheSameNameWrittenDifferently_WithoutDecrypting()
    {
        var person = new Person("  Aigul  ", "Story");
        await SaveAsync(person, new Person("Someone else", "Story"));

        var index = BlindIndex.Compute(keys.Vault.Keys, new CaseFoldedText(), "AIGUL");
        await using var db = NewContext();
        var found = await db.People.Where(x => EF.Property<byte[]>(x, BlindIndex.Of(nameof(Person.Name))) == index).ToListAsync();

        Assert.Equal(person.Id, Assert.Single(found).Id);
        Assert.DoesNotContain("AIGUL", await RawAsync("SELECT hex(NameIndex) FROM People"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SwitchingToPassphrase_AndRestarting_KeepsEveryValueAndBlindIndexReadable(bool backToKeyFile)
    {
        var person = new Person("Aigul", "Her story");
        await SaveAsync(person, new Note(person.Id, "A note"));
        keys.Vault.UsePassphrase("four ordinary words together");
        if (backToKeyFile)
        {
            keys.Vault.UseKeyFile();
        }

        keys.Vault.Dispose();
        var restarted = keys.Reopen();
        restarted.Open(mayCreate: false);
        Assert.Equal(backToKeyFile, !restarted.IsSealed);
        Assert.True(backToKeyFile || restarted.TryUnseal("four ordinary words together"));
        interceptor = new FieldEncryptionInterceptor(restarted, keys.Clock);

        var index = BlindIndex.Compute(restarted.Keys, new CaseFoldedText(), "aigul");
        await using var db = NewContext();
        var found = await db.People.SingleAsync(x => EF.Property<byte[]>(x, BlindIndex.Of(nameof(Person.Name))) == index);
        Assert.Equal("Her story", found.Story);
        Assert.Equal("A note", (await db.Notes.SingleAsync()).Text);
    }

    [Fact]
    public async Task ForgettingAPerson_DestroysHerKey_AndHerValuesCannotBeRead()
    {
        var person = new Person("Forget me", "Her story");
        await SaveAsync(person, new Note(person.Id, "her note"));
        await ExecuteAsync("DELETE FROM RecordKeys");

        await using var db = NewContext();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => db.People.SingleAsync());
    }

    [Fact]
    public async Task WhileSealed_NothingIsReadOrWritten()
    {
        await SaveAsync(new Person("Name", "Story"));
        keys.Vault.Seal();

        await using var db = NewContext();
        await Assert.ThrowsAsync<SealedException>(() => db.People.SingleAsync());
        db.People.Add(new Person("New", "Story"));
        await Assert.ThrowsAsync<SealedException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task NullValues_StayNull_AndNeedNoKey()
    {
        await SaveAsync(new Person(null, null));

        await using var db = NewContext();
        var loaded = await db.People.SingleAsync();
        Assert.Null(loaded.Name);
        Assert.Equal(string.Empty, await RawAsync("SELECT coalesce(Name, '') || coalesce(hex(NameIndex), '') FROM People"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        keys.Dispose();
    }

    private TestContext NewContext() => new(new DbContextOptionsBuilder<TestContext>()
        .UseSqlite($"Data Source={database}")
        .AddInterceptors(interceptor)
        // Each test has its own vault, hence its own interceptor and EF service provider.
        .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.ManyServiceProvidersCreatedWarning))
        .Options);

    private async Task SaveAsync(params object[] entities)
    {
        await using var db = NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private async Task<string> RawAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal sealed class Person : IEncryptedRecord
    {
        public Person(string? name, string? story)
        {
            Name = name;
            Story = story;
        }

        private Person()
        {
        }

        public Guid Id { get; private set; } = Guid.CreateVersion7();

        public string? Name { get; private set; }

        public string? Story { get; private set; }

        public Guid KeyOwnerId => Id;

        public void Rename(string name) => Name = name;
    }

    internal sealed class Note : IEncryptedRecord
    {
        public Note(Guid personId, string text)
        {
            PersonId = personId;
            Text = text;
        }

        private Note()
        {
        }

        public Guid Id { get; private set; } = Guid.CreateVersion7();

        public Guid PersonId { get; private set; }

        public string? Text { get; private set; }

        public Guid KeyOwnerId => PersonId;
    }

    internal sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
    {
        public DbSet<Person> People => Set<Person>();

        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<RecordKey>().ToTable("RecordKeys").HasKey(x => x.OwnerId);
            modelBuilder.Entity<Person>(person =>
            {
                person.IsEncryptedRecord(DataClasses.Member, "TestPerson");
                person.HasEncrypted(x => x.Name).WithBlindIndex<CaseFoldedText>();
                person.HasEncrypted(x => x.Story);
            });
            modelBuilder.Entity<Note>(note =>
            {
                note.IsEncryptedRecord(DataClasses.Member, "TestNote");
                note.HasEncrypted(x => x.Text);
            });
        }
    }
}

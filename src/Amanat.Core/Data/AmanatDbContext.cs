using Amanat.Core.Common;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Data;

/// <summary>
/// The one model for both databases (SQLite embedded, PostgreSQL by configuration). Each provider has
/// its own migrations project; the provider is chosen at start-up. Staff accounts use ASP.NET Core
/// Identity's user tables (no role tables: roles are a field of the account). Encrypted fields are
/// declared in the configurations and handled by <see cref="FieldEncryptionInterceptor"/>.
/// </summary>
public sealed class AmanatDbContext(DbContextOptions<AmanatDbContext> options) : IdentityUserContext<StaffUser, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, StaffUserToken>(options)
{
    public DbSet<Installation> Installations => Set<Installation>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StaffNotice> StaffNotices => Set<StaffNotice>();

    public DbSet<PreservedForm> PreservedForms => Set<PreservedForm>();

    public DbSet<StaffTelegramLink> StaffTelegramLinks => Set<StaffTelegramLink>();

    public DbSet<SelfReports.SelfReport> SelfReports => Set<SelfReports.SelfReport>();

    public DbSet<SelfReports.SelfReportContact> SelfReportContacts => Set<SelfReports.SelfReportContact>();

    public DbSet<Alerts.AccessCode> AccessCodes => Set<Alerts.AccessCode>();

    public DbSet<Alerts.SavedCard> SavedCards => Set<Alerts.SavedCard>();

    public DbSet<Alerts.Alert> Alerts => Set<Alerts.Alert>();

    public DbSet<Alerts.AlertIncident> AlertIncidents => Set<Alerts.AlertIncident>();

    public DbSet<Alerts.AlertIdentifier> AlertIdentifiers => Set<Alerts.AlertIdentifier>();

    public DbSet<Community.BotChat> BotChats => Set<Community.BotChat>();

    public DbSet<Community.BotToken> BotTokens => Set<Community.BotToken>();

    public DbSet<RecordKey> RecordKeys => Set<RecordKey>();

    public DbSet<Vocabularies.VocabularyEntry> VocabularyEntries => Set<Vocabularies.VocabularyEntry>();

    public DbSet<Members.Member> Members => Set<Members.Member>();

    public DbSet<Members.MemberShare> MemberShares => Set<Members.MemberShare>();

    public DbSet<Providers.Provider> Providers => Set<Providers.Provider>();

    public DbSet<Care.Referral> Referrals => Set<Care.Referral>();

    public DbSet<Outreach.OutreachShift> OutreachShifts => Set<Outreach.OutreachShift>();

    public DbSet<Stay.DocumentRecord> DocumentRecords => Set<Stay.DocumentRecord>();

    public DbSet<Stay.MovementRecord> MovementRecords => Set<Stay.MovementRecord>();

    public DbSet<Stay.StayRuleVersion> StayRuleVersions => Set<Stay.StayRuleVersion>();

    public DbSet<Incidents.Incident> Incidents => Set<Incidents.Incident>();

    public DbSet<Incidents.IncidentRevision> IncidentRevisions => Set<Incidents.IncidentRevision>();

    public DbSet<Statistics.IncidentFact> IncidentFacts => Set<Statistics.IncidentFact>();

    public DbSet<Care.ServiceRecord> ServiceRecords => Set<Care.ServiceRecord>();

    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();

    public DbSet<Identifiers.PerpetratorIdentifier> PerpetratorIdentifiers => Set<Identifiers.PerpetratorIdentifier>();

    public DbSet<Retention.RetentionPolicy> RetentionPolicies => Set<Retention.RetentionPolicy>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("StaffUsers");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("StaffUserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("StaffUserLogins");
        builder.Entity<StaffUserToken>().ToTable("StaffUserTokens");
        builder.ApplyConfigurationsFromAssembly(typeof(AmanatDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored times are UTC on both providers; reading them back marks them as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

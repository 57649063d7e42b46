namespace Amanat.Core.Auditing;

/// <summary>
/// What happened, as a stable number (Bitwarden's <c>EventType</c>): numbers are stored and chained, so
/// they are never reused or renumbered. Groups of a hundred per area.
/// </summary>
public enum AuditEventType
{
    SetupCompleted = 1000,

    SignedIn = 1100,
    SignInFailed = 1101,
    LockedOut = 1102,
    /// <summary>A session was signed out; the value is 8 when by quick exit (the session's end reason), else none.</summary>
    SignedOut = 1103,
    RecoveryCodeUsed = 1104,

    TwoFactorEnrolled = 1200,
    TwoFactorReset = 1201,
    RecoveryCodesRegenerated = 1202,
    PasswordChanged = 1203,

    UserCreated = 1300,
    RolesChanged = 1301,
    UserDisabled = 1302,
    UserEnabled = 1303,

    SessionEnded = 1400,
    AllSessionsEnded = 1401,
    SessionsEndedByAdmin = 1402,

    TokenCreated = 1500,
    TokenUsed = 1501,
    TokenRevoked = 1502,

    /// <summary>A staff member linked her Telegram chat for reminders (subject: the link).</summary>
    TelegramLinked = 1510,

    TelegramUnlinked = 1511,

    /// <summary>An administrator set the community bot's token (stored encrypted).</summary>
    BotTokenSet = 1512,

    BotTokenRemoved = 1513,

    KeysCreated = 1600,
    UnlockModeChanged = 1601,
    Sealed = 1602,
    Unsealed = 1603,
    UnsealFailed = 1604,
    AuditVerified = 1605,

    /// <summary>The panic lock: sealed at once by a coordinator or an administrator (password re-entered).</summary>
    PanicLocked = 1606,

    /// <summary>The keys on this server were destroyed by an administrator (double confirmation); written just before.</summary>
    KeysWiped = 1607,

    /// <summary>A new set of recovery shares was made (the value is n × 100 + k); the earlier set stopped working.</summary>
    RecoverySharesCreated = 1608,

    /// <summary>A scheduled backup was written; the value is its size in bytes.</summary>
    BackupCreated = 1609,

    /// <summary>Key rotation began: a new data-key generation (the value) wraps new record keys.</summary>
    KeyRotationStarted = 1610,

    /// <summary>Every record key is wrapped by the current generation (the value is how many were re-wrapped).</summary>
    KeyRotationFinished = 1611,

    /// <summary>An older data-key generation (the value) was destroyed: nothing in the database needed it any more.</summary>
    KeyGenerationDestroyed = 1612,

    /// <summary>The plain SHA-256 hashes of incident versions written before hashes were keyed were replaced by their HMAC, and the chain re-sealed after it verified intact (the value is how many entries).</summary>
    RevisionHashesKeyed = 1613,

    /// <summary>An administrator changed how long a kind of data is kept (the value is the kind × 100,000 + days; 0 days: kept).</summary>
    RetentionChanged = 2400,

    /// <summary>The daily retention job removed the stories of incidents older than their period (the value is how many).</summary>
    NarrativesExpired = 2401,

    /// <summary>The retention job deleted evidence files older than their period (the value is how many).</summary>
    AttachmentsExpired = 2402,

    /// <summary>The retention job forgot members without contact for longer than their period (the value is how many).</summary>
    InactiveMembersForgotten = 2403,

    /// <summary>The retention job deleted self-reports never reviewed within their period (the value is how many).</summary>
    SelfReportsExpired = 2404,

    /// <summary>The retention job deleted bot chats quiet for longer than their period (the value is how many).</summary>
    BotChatsExpired = 2405,

    /// <summary>The retention job removed who/what/where from audit entries older than their period (the value is how many).</summary>
    AuditDetailExpired = 2406,

    /// <summary>A member was forgotten at her request: her key destroyed, her rows deleted (the subject is her former id).</summary>
    MemberForgotten = 2410,

    IncidentCreated = 2000,
    IncidentUpdated = 2001,
    IncidentRead = 2002,
    ResponseRecorded = 2003,
    LawyerAssigned = 2004,
    RecordsHandedOver = 2005,

    /// <summary>An evidence file was added to an incident (subject: the attachment).</summary>
    AttachmentAdded = 2010,

    /// <summary>The original of an evidence file was downloaded.</summary>
    AttachmentOriginalDownloaded = 2011,

    AttachmentDeleted = 2012,

    /// <summary>A coordinator opened a self-report (subject: the report).</summary>
    SelfReportRead = 2040,

    /// <summary>A self-report became a new incident.</summary>
    SelfReportConverted = 2041,

    SelfReportAttached = 2042,

    SelfReportDiscarded = 2043,

    /// <summary>A contact attempt noted (value: 1 reached, 0 not).</summary>
    SelfReportContacted = 2044,

    /// <summary>Community access codes issued (value: how many).</summary>
    AccessCodesIssued = 2050,

    AccessCodeRevoked = 2051,

    /// <summary>An alert drafted (value: how many incidents stand behind it).</summary>
    AlertDrafted = 2060,

    AlertEdited = 2061,

    AlertApproved = 2062,

    AlertPublished = 2063,

    AlertWithdrawn = 2064,

    /// <summary>A member registered (value: 1 when she was registered despite a duplicate warning).</summary>
    MemberCreated = 2020,

    MemberUpdated = 2021,

    MemberRead = 2022,

    /// <summary>A service recorded for a member outside an incident.</summary>
    ServiceRecorded = 2023,

    /// <summary>A member referred to a provider.</summary>
    ReferralCreated = 2024,

    /// <summary>A referral's status or follow-up date changed (value: the new status).</summary>
    ReferralUpdated = 2025,

    /// <summary>A member checked into the shelter.</summary>
    ShelterCheckedIn = 2026,

    ShelterCheckedOut = 2027,

    /// <summary>An outreach shift's tally recorded (value: people reached).</summary>
    OutreachRecorded = 2028,

    /// <summary>Where one of her documents is, recorded.</summary>
    DocumentRecorded = 2029,

    /// <summary>One of her movements (entry, exit, expulsion, shortened stay) recorded.</summary>
    MovementRecorded = 2030,

    /// <summary>The stay rules or the working-day calendar changed (value: the new version).</summary>
    StayRulesChanged = 2102,

    VocabularyChanged = 2100,

    /// <summary>A friendly provider added, changed, retired or restored.</summary>
    DirectoryChanged = 2101,

    /// <summary>Invented demo incidents were added (<c>seed</c> of tools/Amanat.Demo); the value is how many.</summary>
    DemoDataSeeded = 2200,

    /// <summary>The statistics dashboard was viewed; the value is 1 when figures were shown, 0 when the selection was refused (never the filters).</summary>
    StatisticsViewed = 2300,

    /// <summary>The dashboard's figures were downloaded as CSV; the value is the number of rows.</summary>
    StatisticsCsvExported = 2301,

    /// <summary>The dashboard's figures were downloaded as a spreadsheet (XLSX); the value is the number of rows.</summary>
    StatisticsXlsxExported = 2302,

    /// <summary>The PDF report was downloaded; the value is the number of its tables' rows.</summary>
    StatisticsPdfExported = 2303,

    /// <summary>The anonymised dataset was downloaded as CSV; the value is the number of records released.</summary>
    DatasetCsvExported = 2304,

    /// <summary>The anonymised dataset was downloaded as JSON; the value is the number of records released.</summary>
    DatasetJsonExported = 2305,
}

/// <summary>Where an action came from: never more precise than the channel and a coarse network.</summary>
public enum AuditOrigin
{
    System = 0,
    Web = 1,
    Api = 2,
    Cli = 3,
    Bot = 4,
}

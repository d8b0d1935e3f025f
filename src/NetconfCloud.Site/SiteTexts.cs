namespace NetconfCloud.Site;

/// <summary>
/// Every text of the attendee site, one typed member per text, in one table per language (<see cref="SiteTexts.English"/>,
/// <see cref="SiteTexts.German"/>, <see cref="SiteTexts.French"/>, <see cref="SiteTexts.Dutch"/>). Each member is
/// <c>required</c>, so a language that lacks a text does not compile; a text with parts (a name, a count) is a function
/// of them. A time that sits inside a sentence is written where the text has <see cref="When"/>. The formats of dates
/// and times are texts too: <see cref="SiteLanguage"/> formats with them, in the language's culture.
/// Talk titles, abstracts and every other text of an agenda are never translated.
/// </summary>
/// <remarks>
/// To add a text: add a <c>required</c> member here (in its page's group), give it in each of the four tables below
/// (the build fails until all four have it), and write <c>texts.YourText</c> where the page needs it.
/// </remarks>
public sealed partial class SiteTexts
{
    /// <summary>Where a <c>time</c> element goes in a sentence (a character no agenda text or translation holds).</summary>
    public const string When = "\uE000";

    // The language itself.
    /// <summary>The language's name in itself, as the language switch shows it ("Deutsch").</summary>
    public required string LanguageName { get; init; }

    /// <summary>The culture whose month and day names the dates take ("de-DE").</summary>
    public required string CultureName { get; init; }

    // Formats (custom .NET date and time format strings, in the language's culture).
    /// <summary>A day as a heading: "Thursday 12 February", "Donnerstag, 12. Februar".</summary>
    public required string DayFormat { get; init; }

    /// <summary>A whole date: "12 February 2015", "12. Februar 2015".</summary>
    public required string DateFormat { get; init; }

    /// <summary>A date without its year, the start of a range across months: "30 January".</summary>
    public required string DayMonthFormat { get; init; }

    /// <summary>The day number alone, the start of a range within a month: "12" ("12–13 February"), "12." in German.</summary>
    public required string DayNumberFormat { get; init; }

    /// <summary>A time of day: 24-hour "09:00".</summary>
    public required string TimeFormat { get; init; }

    /// <summary>A date with its time: "Tuesday 10 February 2015 at 14:05".</summary>
    public required string DateTimeFormat { get; init; }

    // Every page.
    public required string SkipToContent { get; init; }

    public required string LanguageSwitch { get; init; }

    public required Func<long, string, string> AgendaVersion { get; init; }

    /// <summary>A followed source's host and the place of the time: "From pretalx.example.org, checked {When} (Brussels time)."</summary>
    public required Func<string, string, string> SourceChecked { get; init; }

    /// <summary>A followed source not yet read: "From pretalx.example.org."</summary>
    public required Func<string, string> SourceNotYetChecked { get; init; }

    public required Func<string, string> CityTime { get; init; }

    public required string LocalTime { get; init; }

    public required string DatesToBeAnnounced { get; init; }

    public required Func<string, string, string, string> ZoneNote { get; init; }

    public required string Then { get; init; }

    public required string And { get; init; }

    public required string NameOfEnglish { get; init; }

    public required string NameOfGerman { get; init; }

    public required string NameOfFrench { get; init; }

    public required string NameOfDutch { get; init; }

    public required string AllConferences { get; init; }

    public required Func<string, string> BackToAgenda { get; init; }

    public required Func<string, string> BackTo { get; init; }

    // The index of conferences.
    public required string Conferences { get; init; }

    public required string NoConference { get; init; }

    // Subscribing.
    public required Func<string, string> AddToYourCalendarTitle { get; init; }

    public required string Subscribe { get; init; }

    public required string SubscribeRatherFeed { get; init; }

    public required string OnAndroidOrOutlook { get; init; }

    public required string AndroidAdvice { get; init; }

    public required string OutlookAdvice { get; init; }

    public required string SubscribeInApp { get; init; }

    public required string AddToGoogle { get; init; }

    public required string AddToOutlook { get; init; }

    public required string AppleCalendar { get; init; }

    public required string DownloadIcs { get; init; }

    public required string CalendarAddress { get; init; }

    public required string Copy { get; init; }

    public required string Copied { get; init; }

    public required string AndroidQuestion { get; init; }

    public required string SeeHowToAddIt { get; init; }

    public required string AddToCalendarColon { get; init; }

    public required string CompactSubscribe { get; init; }

    public required string CompactDownload { get; init; }

    public required string MoreWays { get; init; }

    // The conference page.
    public required Func<string, string> FindATalkTitle { get; init; }

    public required string NowAndNext { get; init; }

    public required string NothingScheduled { get; init; }

    public required string ConferenceWebSite { get; init; }

    public required Func<string, string, string, string> HeldWith { get; init; }

    public required string Days { get; init; }

    public required string FindATalk { get; init; }

    public required string SearchPlaceholder { get; init; }

    public required string Day { get; init; }

    public required string Room { get; init; }

    public required string Track { get; init; }

    public required string Language { get; init; }

    public required string AnyDay { get; init; }

    public required string Any { get; init; }

    public required string Find { get; init; }

    public required string OnlyMyPicks { get; init; }

    public required Func<int, string> SessionsFound { get; init; }

    public required string ClearSearch { get; init; }

    public required Func<int, string> FirstShown { get; init; }

    public required string NothingMatches { get; init; }

    public required string AddThisDay { get; init; }

    public required string NothingOnThisDay { get; init; }

    public required Func<string, string> GridLabel { get; init; }

    public required string Time { get; init; }

    public required string Cancelled { get; init; }

    public required string Pick { get; init; }

    public required string MakeMyCalendar { get; init; }

    public required string HowPickingWorks { get; init; }

    public required string MyAgenda { get; init; }

    public required string MyAgendaHelp { get; init; }

    public required string SubscribeWholeAgenda { get; init; }

    public required string Rooms { get; init; }

    public required string Tracks { get; init; }

    public required string Sponsors { get; init; }

    public required string Committee { get; init; }

    public required string CalendarLink { get; init; }

    public required string C3vocExport { get; init; }

    public required string FrabExport { get; init; }

    public required string EveryFeed { get; init; }

    public required string SponsorsJson { get; init; }

    public required string NowAndNextJson { get; init; }

    // Now and next.
    public required Func<string, string> StartsAt { get; init; }

    public required string Ended { get; init; }

    public required string AsOf { get; init; }

    public required string Now { get; init; }

    public required string Next { get; init; }

    public required string Everywhere { get; init; }

    // A talk's page and a speaker's page.
    public required string TalkCancelled { get; init; }

    public required string WhenLabel { get; init; }

    public required Func<int, string> SpeakersLabel { get; init; }

    public required string AddToMyAgenda { get; init; }

    public required string AboutThisTalk { get; init; }

    public required Func<string, string> ThisTalkAt { get; init; }

    public required string GiveFeedback { get; init; }

    public required string Links { get; init; }

    public required Func<int, string> SlidesWithoutLinks { get; init; }

    public required Func<int, string> AboutTheSpeakers { get; init; }

    public required string PutItInYourCalendar { get; init; }

    public required string SubscribeRatherTalk { get; init; }

    public required string Talks { get; init; }

    public required string NoTalkNow { get; init; }

    public required string PutTheirTalks { get; init; }

    // A personal agenda's page.
    public required Func<string, string> MyAgendaOf { get; init; }

    public required string MyTalks { get; init; }

    public required string NoneStillOnAgenda { get; init; }

    public required string SubscribeRatherMine { get; init; }

    public required string ScanToSubscribe { get; init; }

    public required string QrCodeLabel { get; init; }

    public required string KeepPrivate { get; init; }

    public required string KeepPrivateText { get; init; }

    public required string ChangeMyTalks { get; init; }

    public required string SaveChanges { get; init; }

    public required string Revoke { get; init; }

    public required string RevokeText { get; init; }

    // Refusals as pages.
    public required string PageRefused { get; init; }

    public required string SearchRefused { get; init; }

    public required string NotOnAgenda { get; init; }

    public required Func<string, string, string> NoSession { get; init; }

    public required Func<string, string, string> NoSpeaker { get; init; }

    public required string CalendarNotMade { get; init; }

    public required string YourPicks { get; init; }

    public required string MakeMyCalendarWithThese { get; init; }

    public required string PicksNotSaved { get; init; }

    /// <summary>The texts of what changed: the public changes page and a personal agenda's changes.</summary>
    public required ChangeTexts Changes { get; init; }

    /// <summary>The conference page's link to the now-and-next page (its script puts that page's content in its place).</summary>
    public required string NowLink { get; init; }

    /// <summary>The title of the page that answers a form over the limit on making personal agendas (HTTP 429).</summary>
    public required string TooManyAgendasTitle { get; init; }

    /// <summary>Its text, with the seconds to wait.</summary>
    public required Func<int, string> TooManyAgendas { get; init; }

    public required string PickAtLeastOne { get; init; }

    public required Func<int, int, string> TooManyPicks { get; init; }

    public required Func<string, string> NotASessionId { get; init; }

    public required Func<string, string, string> NotATalkOf { get; init; }

    public required Func<string, string, string> IsNotATalk { get; init; }

    public required Func<string, string, string> DayNotOfConference { get; init; }

    public required Func<int, string> QueryTooLong { get; init; }

    public required Func<string, string, string> NotARoom { get; init; }

    public required Func<string, string, string> NotATrack { get; init; }

    public required Func<string, string> NotALanguageTag { get; init; }

    public required Func<string, string, string> NotASiteLanguage { get; init; }

    // The installed app (the web app manifest), and what the script and the service worker show (given to them in data- attributes).
    public required string AppName { get; init; }

    public required string AppShortName { get; init; }

    public required string AppDescription { get; init; }

    public required string PickedOne { get; init; }

    public required string PickedMany { get; init; }

    public required string ExistingAgenda { get; init; }

    public required string OpenMyAgenda { get; init; }

    public required string OfflineTitle { get; init; }

    public required string OfflineText { get; init; }
}

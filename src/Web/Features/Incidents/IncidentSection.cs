namespace Tianshan.Web.Features.Incidents;

/// <summary>
/// A section another capability adds to the incident detail page (the dispatch slice's "nearest teams", for one) without
/// this page knowing it: register <c>services.AddSingleton(new IncidentSection("最近救援力量", typeof(NearestTeams)))</c>.
/// The component receives <c>IncidentId</c> (Guid), <c>Latitude</c> and <c>Longitude</c> (double?). None registered → no section.
/// </summary>
public sealed record IncidentSection(string Title, Type Component);

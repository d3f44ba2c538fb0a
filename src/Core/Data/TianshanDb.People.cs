using Microsoft.EntityFrameworkCore;
using Tianshan.Core.People;

namespace Tianshan.Core.Data;

/// <summary>People, training and publicity (C11): their tables and their scoping, kept beside the rest of the context.</summary>
public abstract partial class TianshanDb
{
    public DbSet<Person> People => Set<Person>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<PublicityActivity> PublicityActivities => Set<PublicityActivity>();
    public DbSet<KnowledgeSurvey> KnowledgeSurveys => Set<KnowledgeSurvey>();

    /// <summary>An enterprise user sees its own people, certificates and sessions only. The supervising side sees the people
    /// of the enterprises in its scope (the same division-and-sector rule as the enterprise filter) and the bureau's own
    /// staff and sessions; publicity and surveys belong to communities, seen by division like the resource atlas.</summary>
    private void ApplyPeopleScoping(ModelBuilder builder)
    {
        builder.Entity<Person>().HasQueryFilter(p => Scope.EnterpriseId != null
            ? p.EnterpriseId == Scope.EnterpriseId
            : p.EnterpriseId == null || (p.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)p.Enterprise.Sector) != 0));
        builder.Entity<Certificate>().HasQueryFilter(c => Scope.EnterpriseId != null
            ? c.Person!.EnterpriseId == Scope.EnterpriseId
            : c.Person!.EnterpriseId == null || (c.Person.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)c.Person.Enterprise.Sector) != 0));
        // The bureau's emergency-competence course is held for the enterprises' principals and managers: every enterprise sees
        // the session (not the bureau's other sessions), and in it only its own people's attendance.
        builder.Entity<TrainingSession>().HasQueryFilter(t => Scope.EnterpriseId != null
            ? t.EnterpriseId == Scope.EnterpriseId || (t.EnterpriseId == null && t.Kind == TrainingKind.EmergencyCompetence)
            : t.EnterpriseId == null || (t.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)t.Enterprise.Sector) != 0));
        // Attendance follows its session (a required navigation) and its attendee: a person or an informant outside the
        // caller's scope is not shown, even at a session the caller sees.
        builder.Entity<Attendance>().HasQueryFilter(a => Scope.EnterpriseId != null
            ? a.Person!.EnterpriseId == Scope.EnterpriseId
            : (a.PersonId == null || a.Person != null) && (a.InformantId == null || a.Informant != null));
        builder.Entity<PublicityActivity>().HasQueryFilter(p => Scope.EnterpriseId == null && p.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<KnowledgeSurvey>().HasQueryFilter(s => Scope.EnterpriseId == null && s.Division!.Path.StartsWith(Scope.DivisionPath));
    }
}

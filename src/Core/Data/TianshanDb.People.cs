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
        builder.Entity<TrainingSession>().HasQueryFilter(t => Scope.EnterpriseId != null
            ? t.EnterpriseId == Scope.EnterpriseId
            : t.EnterpriseId == null || (t.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)t.Enterprise.Sector) != 0));
        // An enterprise sees its own people's attendance, also at the bureau's sessions (its principal at the emergency course).
        builder.Entity<Attendance>().HasQueryFilter(a => Scope.EnterpriseId != null
            ? a.Person!.EnterpriseId == Scope.EnterpriseId
            : a.TrainingSession!.EnterpriseId == null
              || (a.TrainingSession.Enterprise!.Division!.Path.StartsWith(Scope.DivisionPath) && ((int)Scope.Sectors & (int)a.TrainingSession.Enterprise.Sector) != 0));
        builder.Entity<PublicityActivity>().HasQueryFilter(p => Scope.EnterpriseId == null && p.Division!.Path.StartsWith(Scope.DivisionPath));
        builder.Entity<KnowledgeSurvey>().HasQueryFilter(s => Scope.EnterpriseId == null && s.Division!.Path.StartsWith(Scope.DivisionPath));
    }
}

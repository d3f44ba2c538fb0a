using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tianshan.Core.People;

namespace Tianshan.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Position).HasMaxLength(100);
        b.Property(p => p.Phone).HasMaxLength(50);
        b.HasIndex(p => new { p.EnterpriseId, p.Role });
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId);
        b.HasMany(p => p.Certificates).WithOne(c => c.Person).HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(c => c.Category).HasMaxLength(100);
        b.Property(c => c.Number).HasMaxLength(50);
        b.Property(c => c.IssuingAuthority).HasMaxLength(100);
        // One certificate number per kind: a re-import of the same certificate updates it.
        b.HasIndex(c => new { c.Kind, c.Number }).IsUnique();
        b.HasIndex(c => c.ExpiresOn);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(t => t.Topic).HasMaxLength(200);
        b.Property(t => t.Organiser).HasMaxLength(100);
        b.Property(t => t.Place).HasMaxLength(200);
        b.HasIndex(t => t.HeldOn);
        b.HasOne(t => t.Enterprise).WithMany().HasForeignKey(t => t.EnterpriseId);
        b.HasMany(t => t.Attendances).WithOne(a => a.TrainingSession).HasForeignKey(a => a.TrainingSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId);
        b.HasOne(a => a.Informant).WithMany().HasForeignKey(a => a.InformantId);
        b.HasIndex(a => new { a.TrainingSessionId, a.PersonId }).IsUnique();
        b.HasIndex(a => new { a.TrainingSessionId, a.InformantId }).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("CK_Attendances_OneAttendee", "(\"PersonId\" IS NULL) <> (\"InformantId\" IS NULL)"));
    }
}

internal sealed class PublicityActivityConfiguration : IEntityTypeConfiguration<PublicityActivity>
{
    public void Configure(EntityTypeBuilder<PublicityActivity> b)
    {
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Place).HasMaxLength(200);
        b.Property(p => p.Organiser).HasMaxLength(100);
        b.HasIndex(p => new { p.DivisionId, p.HeldOn });
        b.HasOne(p => p.Division).WithMany().HasForeignKey(p => p.DivisionId);
    }
}

internal sealed class KnowledgeSurveyConfiguration : IEntityTypeConfiguration<KnowledgeSurvey>
{
    public void Configure(EntityTypeBuilder<KnowledgeSurvey> b)
    {
        b.Property(s => s.Organiser).HasMaxLength(100);
        b.Ignore(s => s.Rate);
        b.HasIndex(s => new { s.DivisionId, s.ConductedOn });
        b.HasOne(s => s.Division).WithMany().HasForeignKey(s => s.DivisionId);
    }
}

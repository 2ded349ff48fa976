using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Troc.Domain.Persistence;

/// <summary>
/// Which version of a reference data set (the places gazetteer…) a database holds, so that `migrate` reloads a
/// data set only when its source changed.
/// </summary>
public sealed class ReferenceDataVersion
{
    private ReferenceDataVersion() { }

    public ReferenceDataVersion(string name, string version, DateTimeOffset loadedAt)
    {
        Name = name;
        Version = version;
        LoadedAt = loadedAt;
    }

    /// <summary>The data set, such as `places`.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Opaque version of the source that was loaded, such as its file's SHA-256.</summary>
    public string Version { get; private set; } = "";

    public DateTimeOffset LoadedAt { get; private set; }
}

internal sealed class ReferenceDataVersionConfiguration : IEntityTypeConfiguration<ReferenceDataVersion>
{
    public void Configure(EntityTypeBuilder<ReferenceDataVersion> builder)
    {
        builder.ToTable("reference_data_versions");
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.Property(v => v.Version).HasMaxLength(200).IsRequired();
    }
}

namespace Amanat.Web.Infrastructure;

/// <summary>The folder holding the database and key material: created owner-only (0700).</summary>
internal sealed class DataDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public DataDirectory(string configuredPath)
    {
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configuredPath) ? "data" : configuredPath);
    }

    public string Path { get; }

    public string Combine(string fileName) => System.IO.Path.Combine(Path, fileName);

    /// <summary>A folder inside the data directory, owner-only like the data directory itself.</summary>
    public DirectoryInfo Subdirectory(string name)
    {
        var path = Combine(name);
        return OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnly);
    }

    /// <summary>Creates the folder if needed and makes sure only the owner can enter it.</summary>
    public void Ensure()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
            return;
        }

        Directory.CreateDirectory(Path, OwnerOnly);
        if (File.GetUnixFileMode(Path) != OwnerOnly)
        {
            File.SetUnixFileMode(Path, OwnerOnly);
        }
    }

    /// <summary>Creates an empty file readable and writable by its owner only, unless it exists.</summary>
    public static void CreateOwnerOnly(string file)
    {
        if (File.Exists(file))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(file, options))
        {
        }
    }

    /// <summary>Restricts a file in the data directory to its owner (0600).</summary>
    public static void RestrictToOwner(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

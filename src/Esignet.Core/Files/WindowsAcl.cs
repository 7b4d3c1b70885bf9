using System.IO;
using System.Security.AccessControl;
using System.Security.Principal;

namespace Esignet.Core.Files
{
    /// <summary>
    /// Owner-only ACLs on Windows: inheritance cut, one full-control rule for the current user. Kept in its own
    /// class so its types load only on Windows.
    /// </summary>
    internal static class WindowsAcl
    {
        public static void RestrictDirectoryToOwner(string path)
        {
            new DirectoryInfo(path).SetAccessControl(OwnerOnly(new DirectorySecurity(), InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit));
        }

        /// <summary>A new file whose owner-only ACL is given to CreateFile itself, so it never exists with another.</summary>
        public static FileStream CreateOwnerOnly(string path)
        {
            return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write | FileSystemRights.ReadData | FileSystemRights.Synchronize,
                FileShare.None, 4096, FileOptions.None, OwnerOnly(new FileSecurity(), InheritanceFlags.None));
        }

        private static T OwnerOnly<T>(T security, InheritanceFlags inheritance) where T : FileSystemSecurity
        {
            SecurityIdentifier owner = WindowsIdentity.GetCurrent().User!;
            security.SetAccessRuleProtection(true, false);
            security.SetOwner(owner);
            security.AddAccessRule(new FileSystemAccessRule(owner, FileSystemRights.FullControl, inheritance, PropagationFlags.None, AccessControlType.Allow));
            return security;
        }
    }
}

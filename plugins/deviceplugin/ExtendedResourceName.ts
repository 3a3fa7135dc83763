/**
 * The kubelet accepts a device plugin's resource name only if it is an extended resource name (fact sheet §1.6):
 * `vendor-domain/resourcetype`, outside `kubernetes.io/`, such that `requests.<name>` is a qualified name.
 */
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why `name` is not a valid extended resource name, or null when it is. */
export function extendedResourceNameProblem(name: string): string | null {
  if (!name.includes("/")) return "it has no vendor domain (expected vendor-domain/resourcetype)";
  if (name.includes("kubernetes.io/")) return "the kubernetes.io/ namespace is reserved for native resources";
  if (name.startsWith("requests.")) return 'it must not start with "requests."';
  const parts = `requests.${name}`.split("/");
  if (parts.length !== 2) return "it must contain exactly one /";
  const [prefix = "", type = ""] = parts;
  if (prefix.length > 253 || !dnsSubdomain.test(prefix)) {
    return "the domain must be a lower-case DNS subdomain of at most 244 characters";
  }
  if (type.length === 0 || type.length > 63 || !qualifiedNamePart.test(type)) {
    return "the part after / must be 1-63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric";
  }
  return null;
}

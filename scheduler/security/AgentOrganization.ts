/**
 * The subject organization of agents' client certificates (as Kubernetes' `system:nodes`): the scheduler takes a
 * certificate as a node's only with it, so a certificate the same CA issued to a person names no node.
 */
export const AGENT_ORGANIZATION = "tessera:agents";

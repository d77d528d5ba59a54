import NIOSSH

/// Refuses every global request (`ssh -R` remote forwarding and the like).
struct RefuseGlobalRequests: GlobalRequestDelegate {}

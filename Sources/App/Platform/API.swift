/// What the JSON API returns: each capability adds its response types in `API+<Capability>.swift`.
enum API {}

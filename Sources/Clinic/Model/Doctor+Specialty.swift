extension Doctor {
    /// Whether this doctor takes bookings and their specialty holds `wanted` (lowercased): "cardio" finds Cardiology.
    /// DOCTORS <specialty>, DOCTOR <specialty> and BOOK <specialty> earliest all find doctors this way.
    public func practises(_ wanted: String) -> Bool {
        active && specialty.lowercased().contains(wanted)
    }
}

import Clinic

// The audit trail's name for each case: the case name and nothing it carries (see `AuditNamed`). Written
// out case by case — a new case does not compile until it has its name.

extension Intent: AuditNamed {
    var auditName: String {
        switch self {
        case .help: "help"
        case .register: "register"
        case .verify: "verify"
        case .confirm: "confirm"
        case .info: "info"
        case .doctors: "doctors"
        case .doctor: "doctor"
        case .slots: "slots"
        case .book: "book"
        case .bookEarliest: "bookEarliest"
        case .cancel: "cancel"
        case .reschedule: "reschedule"
        case .appointments: "appointments"
        case .earning: "earning"
        case .earnings: "earnings"
        case .schedule: "schedule"
        case .markAppointment: "markAppointment"
        case .recordPayment: "recordPayment"
        case .pay: "pay"
        case .myData: "myData"
        case .forgetMe: "forgetMe"
        case .erasePatient: "erasePatient"
        case .exportPatient: "exportPatient"
        case .cancelDay: "cancelDay"
        case .setHours: "setHours"
        case .leave: "leave"
        case .broadcastCancel: "broadcastCancel"
        case .broadcast: "broadcast"
        case .doctorOff: "doctorOff"
        case .decideRequest: "decideRequest"
        case .monthReport: "monthReport"
        case .audit: "audit"
        case .registerDoctor: "registerDoctor"
        case .profile: "profile"
        case .setProfile: "setProfile"
        case .rateDoctor: "rateDoctor"
        case .ratePatient: "ratePatient"
        case .setPhoto: "setPhoto"
        case .contact: "contact"
        case .wait: "wait"
        case .waiting: "waiting"
        case .waitOff: "waitOff"
        case .takeOffer: "takeOffer"
        }
    }
}

extension WaitRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .doctorInactive: "doctorInactive"
        case .pastDay: "pastDay"
        case .noClinicThatDay: "noClinicThatDay"
        case .noClinicDays: "noClinicDays"
        case .beyondHorizon: "beyondHorizon"
        case .tooMany: "tooMany"
        case .notWaiting: "notWaiting"
        case .noOffer: "noOffer"
        case .unknownOffer: "unknownOffer"
        case .whichOffer: "whichOffer"
        case .offerLapsed: "offerLapsed"
        case .alreadyTaken: "alreadyTaken"
        }
    }
}

extension VerifyRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .nothingPending: "nothingPending"
        case .alreadyVerified: "alreadyVerified"
        case .expired: "expired"
        case .noAttemptsLeft: "noAttemptsLeft"
        case .wrongCode: "wrongCode"
        }
    }
}

extension BookRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .doctorInactive: "doctorInactive"
        case .onLeave: "onLeave"
        case .noClinicThatDay: "noClinicThatDay"
        case .notASlot: "notASlot"
        case .inThePast: "inThePast"
        case .tooSoon: "tooSoon"
        case .taken: "taken"
        case .overlapsOwn: "overlapsOwn"
        case .unknownRef: "unknownRef"
        case .notYours: "notYours"
        case .notActive: "notActive"
        case .tooManyUpcoming: "tooManyUpcoming"
        case .beyondHorizon: "beyondHorizon"
        case .noFreeSlot: "noFreeSlot"
        }
    }
}

extension CancelRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .nothingUpcoming: "nothingUpcoming"
        case .unknownRef: "unknownRef"
        case .notYours: "notYours"
        case .alreadyEnded: "alreadyEnded"
        case .alreadyCancelled: "alreadyCancelled"
        }
    }
}

extension EarningRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .futureDay: "futureDay"
        case .tooLarge: "tooLarge"
        case .monthClosed: "monthClosed"
        }
    }
}

extension PaymentRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .unknownRef: "unknownRef"
        case .alreadyPaid: "alreadyPaid"
        case .notActive: "notActive"
        case .noFee: "noFee"
        }
    }
}

extension PayRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .unknownRef: "unknownRef"
        case .notYours: "notYours"
        case .alreadyPaid: "alreadyPaid"
        case .notActive: "notActive"
        case .noFee: "noFee"
        case .notOnline: "notOnline"
        case .whichOne: "whichOne"
        }
    }
}

extension MarkRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .unknownRef: "unknownRef"
        case .notYours: "notYours"
        case .notStarted: "notStarted"
        case .notActive: "notActive"
        }
    }
}

extension DoctorRequestRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .alreadyDoctor: "alreadyDoctor"
        case .deskAddress: "deskAddress"
        case .patientAddress: "patientAddress"
        case .alreadyWaiting: "alreadyWaiting"
        case .tooManyWaiting: "tooManyWaiting"
        }
    }
}

extension RequestDecisionRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .unknown: "unknown"
        case .alreadyDecided: "alreadyDecided"
        case .addressTaken: "addressTaken"
        }
    }
}

extension ProfileChange: AuditNamed {
    var auditName: String {
        switch self {
        case .name: "name"
        case .bloodType: "bloodType"
        case .postalAddress: "postalAddress"
        case .dateOfBirth: "dateOfBirth"
        case .phone: "phone"
        case .qualifications: "qualifications"
        case .specialty: "specialty"
        case .fee: "fee"
        case .bio: "bio"
        case .monthReports: "monthReports"
        case .language: "language"
        }
    }
}

extension RateRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .unknownRef: "unknownRef"
        case .notYours: "notYours"
        case .notYet: "notYet"
        case .cancelled: "cancelled"
        case .closed: "closed"
        case .noCompletedVisit: "noCompletedVisit"
        }
    }
}

extension PhotoRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .missing: "missing"
        case .tooLarge: "tooLarge"
        case .notAnImage: "notAnImage"
        }
    }
}

extension DeskLine.ConfirmRefusal: AuditNamed {
    var auditName: String {
        switch self {
        case .nothingPending: "nothingPending"
        case .wrongCode: "wrongCode"
        case .noAttemptsLeft: "noAttemptsLeft"
        }
    }
}

extension Outcome: AuditNamed {
    var auditName: String {
        switch self {
        case .help: "help"
        case .staffHelp: "staffHelp"
        case .info: "info"
        case .doctorList: "doctorList"
        case .doctorDetail: "doctorDetail"
        case .slots: "slots"
        case .registered: "registered"
        case .alreadyRegistered: "alreadyRegistered"
        case .registerTooOften: "registerTooOften"
        case .verified: "verified"
        case .verifyRefused: "verifyRefused"
        case .needsRegistration: "needsRegistration"
        case .booked: "booked"
        case .bookedWithPayment: "bookedWithPayment"
        case .bookRefused: "bookRefused"
        case .cancelled: "cancelled"
        case .cancelChoice: "cancelChoice"
        case .cancelRefused: "cancelRefused"
        case .rescheduled: "rescheduled"
        case .rescheduleRefused: "rescheduleRefused"
        case .appointmentList: "appointmentList"
        case .notAllowed: "notAllowed"
        case .earningRecorded: "earningRecorded"
        case .earningRefused: "earningRefused"
        case .earningsReport: "earningsReport"
        case .earningsNone: "earningsNone"
        case .schedule: "schedule"
        case .appointmentMarked: "appointmentMarked"
        case .paymentRecorded: "paymentRecorded"
        case .paymentRefused: "paymentRefused"
        case .patientData: "patientData"
        case .patientErased: "patientErased"
        case .patientUnknown: "patientUnknown"
        case .payLink: "payLink"
        case .payRefused: "payRefused"
        case .paymentReport: "paymentReport"
        case .markRefused: "markRefused"
        case .dayCancelled: "dayCancelled"
        case .broadcastSent: "broadcastSent"
        case .hoursSet: "hoursSet"
        case .leaveAdded: "leaveAdded"
        case .leaveRefused: "leaveRefused"
        case .doctorDeactivated: "doctorDeactivated"
        case .doctorOffRefused: "doctorOffRefused"
        case .doctorRequested: "doctorRequested"
        case .doctorRequestRefused: "doctorRequestRefused"
        case .doctorRequestDecided: "doctorRequestDecided"
        case .requestDecisionRefused: "requestDecisionRefused"
        case .monthReport: "monthReport"
        case .monthReportAhead: "monthReportAhead"
        case .auditTrail: "auditTrail"
        case .patientProfile: "patientProfile"
        case .doctorProfile: "doctorProfile"
        case .profileChanged: "profileChanged"
        case .profileFieldRefused: "profileFieldRefused"
        case .doctorRated: "doctorRated"
        case .patientRated: "patientRated"
        case .rateRefused: "rateRefused"
        case .photoSaved: "photoSaved"
        case .photoRefused: "photoRefused"
        case .contactSent: "contactSent"
        case .contactRefused: "contactRefused"
        case .waitAdded: "waitAdded"
        case .waitNotNeeded: "waitNotNeeded"
        case .waitList: "waitList"
        case .waitEnded: "waitEnded"
        case .waitRefused: "waitRefused"
        }
    }
}

extension ContactRefusal: AuditNamed {
    /// The refusal's one kind: the day's limit of messages to the clinic's people.
    var auditName: String { "limit" }
}

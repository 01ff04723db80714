/// PROFILE and SET, for patients and doctors. The forms a SET problem quotes, one per field.
extension Help {
    static let profile = HelpEntry(keyword: "PROFILE", command: "PROFILE", example: "PROFILE",
                                   meaning: "What the clinic has on file about you.")
    static let set = HelpEntry(keyword: "SET", command: "SET NAME|PHONE|BLOOD|ADDRESS|DOB <value>", example: "SET BLOOD O+",
                               meaning: "Change one field of your profile.")
    static let doctorSet = HelpEntry(keyword: "SET", command: "SET QUALIFICATIONS|SPECIALTY|FEE|BIO|PHONE <value>",
                                     example: "SET FEE 800", meaning: "Change one field of your profile as patients see it.")

    static let setPhoto = HelpEntry(keyword: "SET PHOTO", command: "SET PHOTO", example: "SET PHOTO",
                                    meaning: "Keep the JPEG or PNG attached to this message (at most 2 MB) as your photo.")
    static let setName = HelpEntry(keyword: "SET", command: "SET NAME <full name>", example: "SET NAME Anita Sharma",
                                   meaning: "Your name as the clinic writes it.")
    static let setPhone = HelpEntry(keyword: "SET", command: "SET PHONE <number>", example: "SET PHONE +91 98765 43210",
                                    meaning: "A phone number to reach you on: 8 to 15 digits, + and the country code for abroad.")
    static let setBlood = HelpEntry(keyword: "SET", command: "SET BLOOD <A+|A-|B+|B-|AB+|AB-|O+|O->", example: "SET BLOOD O+",
                                    meaning: "Your blood group (\"O positive\" and \"ab neg\" work too).")
    static let setAddress = HelpEntry(keyword: "SET", command: "SET ADDRESS <address>", example: "SET ADDRESS 12 Gandhi Road, Kanchipuram",
                                      meaning: "Your postal address.")
    static let setDateOfBirth = HelpEntry(keyword: "SET", command: "SET DOB <date>", example: "SET DOB 4 Mar 1980",
                                          meaning: "Your date of birth: 4 Mar 1980, 1980-03-04 or 4/3/1980.")
    static let setQualifications = HelpEntry(keyword: "SET", command: "SET QUALIFICATIONS <text>", example: "SET QUALIFICATIONS MBBS, MD",
                                             meaning: "Your qualifications.")
    static let setSpecialty = HelpEntry(keyword: "SET", command: "SET SPECIALTY <text>", example: "SET SPECIALTY Cardiology",
                                        meaning: "Your specialty.")
    static let setFee = HelpEntry(keyword: "SET", command: "SET FEE <amount>", example: "SET FEE 800",
                                  meaning: "Your consultation fee, as EARNING writes amounts.")
    static let setBio = HelpEntry(keyword: "SET", command: "SET BIO <text>", example: "SET BIO Twenty years in cardiac care.",
                                  meaning: "A few sentences about you.")
}

/// RATE: a patient's stars for a doctor, a doctor's for the patient of an appointment.
extension Help {
    static let rateDoctor = HelpEntry(keyword: "RATE DR", command: "RATE DR <doctor> <1-5> [comment]", example: "RATE Dr Rao 5 very patient",
                                      meaning: "Rate a doctor after a visit they marked done; write it again to change it.")
    static let ratePatient = HelpEntry(keyword: "RATE", command: "RATE <ref> <1-5> [comment]", example: "RATE A7K2Q 4 came prepared",
                                       meaning: "Note how a past appointment's patient was; never shown to them, changeable for 3 days.")
}

/// CONTACT: a patient's message to a doctor or the desk, passed on by mail.
extension Help {
    static let contact = HelpEntry(keyword: "CONTACT", command: "CONTACT <doctor|DESK> <message>", example: "CONTACT Dr Rao is fasting needed before the test?",
                                   meaning: "Send a doctor or the front desk a message; their answer comes to your address. 5 a day.")
}

import Clinic

/// The sentences replies to patients build in code, in Hindi: the twins of `Explanations+English.swift`,
/// case for case.
extension BookRefusal {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "ये डॉक्टर अब अपॉइंटमेंट नहीं ले रहे हैं।"
        case .onLeave(let date): "\(format.day(date)) को डॉक्टर छुट्टी पर हैं।"
        case .noClinicThatDay(let date): "\(format.day(date)) को डॉक्टर मरीज़ नहीं देखते।"
        case .notASlot(let date, let time):
            "\(format.day(date)) को \(time) बजे डॉक्टर का कोई समय शुरू नहीं होता।"
        case .inThePast: "वह समय निकल चुका है।"
        case .tooSoon(let minutes): "अपॉइंटमेंट कम से कम \(minutes) मिनट पहले बुक करना ज़रूरी है।"
        case .taken: "वह समय पहले ही बुक हो चुका है।"
        case .overlapsOwn(let own):
            "उस समय आपका एक अपॉइंटमेंट पहले से है (\(own.ref), \(format.doctorName(own.doctorID)), \(format.span(own.start, own.end)))।"
        case .unknownRef(let ref): "\(ref) संदर्भ संख्या वाला कोई अपॉइंटमेंट नहीं है।"
        case .notYours(let ref): "अपॉइंटमेंट \(ref) इस पते से बुक नहीं किया गया था।"
        case .notActive(let appointment): "अपॉइंटमेंट \(appointment.ref) की स्थिति \(appointment.status.hindi) दर्ज है, इसलिए इसका समय नहीं बदला जा सकता।"
        case .tooManyUpcoming(let limit): "आपके पास पहले से \(limit) आने वाले अपॉइंटमेंट हैं, जो एक मरीज़ के लिए अधिकतम सीमा है। पहले इनमें से एक रद्द करें (इन्हें देखने के लिए APPOINTMENTS लिखें)।"
        case .beyondHorizon(let days): "बुकिंग सिर्फ़ आज से \(days) दिन आगे तक की ही होती है।"
        case .noFreeSlot(let day?, _): "\(format.day(day)) को कोई समय खाली नहीं है।"
        case .noFreeSlot(nil, let days): "अगले \(days) दिनों में कोई समय खाली नहीं है।"
        }
    }
}

extension CancelRefusal {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .nothingUpcoming: "रद्द करने के लिए आपका कोई आने वाला अपॉइंटमेंट नहीं है।"
        case .unknownRef(let ref): "\(ref) संदर्भ संख्या वाला कोई अपॉइंटमेंट नहीं है। अपने अपॉइंटमेंट देखने के लिए APPOINTMENTS लिखें।"
        case .notYours(let ref): "अपॉइंटमेंट \(ref) इस पते से बुक नहीं किया गया था।"
        case .alreadyEnded(let a): "अपॉइंटमेंट \(a.ref) (\(format.span(a.start, a.end))) पहले ही हो चुका है।"
        case .alreadyCancelled(let a): "अपॉइंटमेंट \(a.ref) की स्थिति पहले से ही \(a.status.hindi) दर्ज है।"
        }
    }
}

extension Appointment.Status {
    var hindi: String {
        switch self {
        case .confirmed: "पक्का"
        case .cancelledByPatient: "रद्द"
        case .cancelledByClinic: "अस्पताल द्वारा रद्द"
        case .completed: "पूरा"
        case .noShow: "अनुपस्थित"
        }
    }
}


extension WaitRefusal {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .doctorInactive: "ये डॉक्टर अब अपॉइंटमेंट नहीं ले रहे हैं।"
        case .pastDay(let day): "\(format.day(day)) बीत चुका है।"
        case .noClinicThatDay(let day): "\(format.day(day)) को डॉक्टर मरीज़ नहीं देखते।"
        case .noClinicDays: "आने वाले दिनों में डॉक्टर के मरीज़ देखने का कोई दिन नहीं है, जिसके लिए इंतज़ार किया जा सके।"
        case .beyondHorizon(let days): "बुकिंग सिर्फ़ आज से \(days) दिन आगे तक की ही होती है, इसलिए इंतज़ार भी उतने ही दिनों तक का हो सकता है।"
        case .tooMany(let limit): "आप पहले से \(limit) डॉक्टरों का इंतज़ार कर रहे हैं, जो एक मरीज़ के लिए अधिकतम सीमा है। किसी एक का इंतज़ार बंद करने के लिए डॉक्टर के नाम के साथ WAIT OFF <doctor> लिखें (WAITING लिखने पर सब दिख जाएँगे)।"
        case .notWaiting(let name?): "आप \(name) का इंतज़ार नहीं कर रहे हैं।"
        case .notWaiting(nil): "आप किसी भी डॉक्टर का इंतज़ार नहीं कर रहे हैं।"
        case .noOffer: "अभी आपके लिए कोई समय रोका नहीं गया है। आप जिस डॉक्टर के लिए WAIT कर रहे हैं, उनका कोई समय खाली होते ही आपको उसके कोड के साथ संदेश मिलेगा।"
        case .unknownOffer(let code): "\(code) कोड पर आपके लिए कोई समय रोका नहीं गया है। जिस संदेश में आपको समय दिया गया था, उसमें लिखा कोड दोबारा देख लें।"
        case .whichOffer: "आपके लिए कई समय रोके गए हैं: जो समय आपको चाहिए, उसके कोड के साथ YES लिखें।"
        case .offerLapsed(let offer):
            "\(format.doctorName(offer.doctorID)), \(format.when(offer.start)) का समय \(format.time(offer.until)) तक ही आपके लिए रोका गया था; अब वह इंतज़ार कर रहे अगले मरीज़ को दे दिया गया है। आप अब भी प्रतीक्षा सूची में हैं।"
        case .alreadyTaken(let appointment):
            "यह समय आप पहले ही ले चुके हैं: अपॉइंटमेंट \(appointment.ref), \(format.doctorName(appointment.doctorID)), \(format.span(appointment.start, appointment.end))।"
        }
    }
}

extension PayRefusal {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "\(ref) संदर्भ संख्या वाला कोई अपॉइंटमेंट नहीं है। अपने अपॉइंटमेंट देखने के लिए APPOINTMENTS लिखें।"
        case .notYours(let ref): "अपॉइंटमेंट \(ref) इस पते से बुक नहीं किया गया था।"
        case .alreadyPaid(let a): "अपॉइंटमेंट \(a.ref) का भुगतान हो चुका है। अब कुछ भी बाकी नहीं है।"
        case .notActive(let a): "अपॉइंटमेंट \(a.ref) की स्थिति \(a.status.hindi) दर्ज है: इसके लिए कोई भुगतान नहीं करना है।"
        case .noFee(let a): "\(format.doctorName(a.doctorID)) कोई फ़ीस नहीं लेते: कोई भुगतान नहीं करना है।"
        case .notOnline: "अस्पताल यह फ़ीस ऑनलाइन नहीं लेता: कृपया रिसेप्शन पर भुगतान करें।"
        case .whichOne(let list):
            list.isEmpty ? "ऑनलाइन भुगतान के लिए आपका कोई आने वाला अपॉइंटमेंट नहीं है।"
                : "आपके \(list.count) अपॉइंटमेंट का भुगतान बाकी है: इनमें से किसी एक की संदर्भ संख्या के साथ PAY लिखें।"
        }
    }
}

extension RateRefusal {
    func hindi(_ format: ClinicFormat) -> String {
        switch self {
        case .unknownRef(let ref): "\(ref) संदर्भ संख्या वाला कोई अपॉइंटमेंट नहीं है।"
        case .notYours(let ref): "अपॉइंटमेंट \(ref) आपका नहीं है।"
        case .notYet(let a): "अपॉइंटमेंट \(a.ref) का समय \(format.span(a.start, a.end)) है, जो अभी आया नहीं है।"
        case .cancelled(let a): "अपॉइंटमेंट \(a.ref) की स्थिति \(a.status.hindi) दर्ज है।"
        case .closed(let ref, let at): "\(ref) के लिए दी गई आपकी रेटिंग \(format.when(at)) तक ही बदली जा सकती थी; अब इसे बदला नहीं जा सकता।"
        case .noCompletedVisit(let doctor): "किसी डॉक्टर को रेटिंग तभी दी जा सकती है जब उन्होंने आपकी कोई मुलाक़ात पूरी दर्ज की हो; \(doctor.name) के साथ अभी आपकी ऐसी कोई मुलाक़ात नहीं है।"
        }
    }
}

extension DayPart {
    var hindi: String {
        switch self {
        case .morning: "सुबह (12:00 से पहले)"
        case .afternoon: "दोपहर (12:00 से 17:00 तक)"
        case .evening: "शाम (17:00 से)"
        }
    }
}

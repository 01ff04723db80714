import Foundation

// Sending an invite by mail (iMIP, RFC 6047).

public extension CalendarInvite {
    /// "text/calendar; charset=utf-8; method=REQUEST" (or CANCEL): the full MIME type of the
    /// iCalendar object, as RFC 6047 wants it on the calendar part.
    var contentType: String {
        "text/calendar; charset=utf-8; method=" + method.rawValue
    }

    /// "invite.ics" for a request, "cancel.ics" for a cancellation.
    var fileName: String {
        method == .cancel ? "cancel.ics" : "invite.ics"
    }

    /// The invite as an attachment of an `OutgoingMail`: `fileName`, `contentType`, the UTF-8
    /// of `render()`; it is sent base64 with Content-Disposition: attachment. The charset and
    /// method parameters reach the mail only through a MIME writer that keeps token=token
    /// parameters of an attachment's type (one that does not turns the whole type into
    /// application/octet-stream); ICalendarTests checks that they arrive.
    var attachment: Attachment {
        Attachment(filename: fileName, contentType: contentType, data: Data(render().utf8))
    }
}

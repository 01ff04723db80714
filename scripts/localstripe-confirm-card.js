// Appended by scripts/localstripe-server.py to localstripe's stand-in Stripe.js (served at
// /js.stripe.com/v3/), so the pay page can be paid in a browser as with the real Stripe.js.
//
// localstripe's own stripe.confirmCardPayment() only answers a 3-D Secure question: it posts to
// /v1/payment_intents/<id>/_authenticate, which works only for a PaymentIntent in requires_action.
// The desk's PaymentIntents are made with no payment method (requires_payment_method), and the page
// calls confirmCardPayment(clientSecret, {payment_method: {card: element}}), as Stripe's guides say.
// Real Stripe.js then sends the typed card with the confirmation; this does the same, to
// POST /v1/payment_intents/<id>/confirm with the publishable key and the client secret, which the
// launcher answers (it creates the card payment method, attaches it, confirms). A card that wants
// 3-D Secure comes back in requires_action and gets localstripe's own question; a call without a
// payment method is localstripe's own behaviour, unchanged.
(function () {
  const localstripe = Stripe;
  const base = LOCALSTRIPE_BASE_API;

  // What the stand-in card element holds once typed into: the card, the postal code.
  function typedCard(element) {
    const value = element.value || {card: {}};
    const card = value.card || {};
    return {
      card: {
        number: String(card.number || '').replace(/\D/g, ''),
        exp_month: String(card.exp_month || ''),
        exp_year: String(card.exp_year || ''),
        cvc: String(card.cvc || ''),
      },
      postal_code: value.postal_code || '',
    };
  }

  function incomplete(card) {
    if (card.number.length !== 16) return 'Your card number is incomplete.';
    if (!/^\d{1,2}$/.test(card.exp_month) || !/^(20)?\d{2}$/.test(card.exp_year)) {
      return "Your card's expiration date is incomplete.";
    }
    if (!/^\d{3}$/.test(card.cvc)) return "Your card's security code is incomplete.";
    return null;
  }

  async function confirm(key, clientSecret, paymentMethod) {
    const id = clientSecret.split('_secret_')[0];
    const body = {key: key, client_secret: clientSecret};
    if (typeof paymentMethod === 'string') {
      body.payment_method = paymentMethod;  // an existing one, e.g. pm_card_visa
    } else {
      const typed = typedCard(paymentMethod.card);
      const problem = incomplete(typed.card);
      if (problem) return {error: {type: 'validation_error', message: problem}};
      const details = paymentMethod.billing_details || {};
      if (typed.postal_code) {
        details.address = Object.assign({postal_code: typed.postal_code}, details.address || {});
      }
      body.payment_method_data = {type: 'card', card: typed.card, billing_details: details};
    }
    try {
      // No Content-Type: a simple cross-origin request, as localstripe's own calls make.
      const response = await fetch(`${base}/v1/payment_intents/${id}/confirm`,
                                   {method: 'POST', body: JSON.stringify(body)});
      const answer = await response.json().catch(() => ({}));
      if (response.status !== 200 || answer.error) {
        return {error: answer.error || {message: `The payment failed (HTTP ${response.status}).`}};
      }
      return {paymentIntent: answer};
    } catch (err) {
      return {error: {message: String(err)}};
    }
  }

  Stripe = function (key) {
    const stripe = localstripe(key);
    const authenticate = stripe.confirmCardPayment;  // localstripe's 3-D Secure step
    stripe.confirmCardPayment = async function (clientSecret, data) {
      const paymentMethod = data && data.payment_method;
      if (!paymentMethod || !(typeof paymentMethod === 'string' || paymentMethod.card)) {
        return authenticate(clientSecret, data);
      }
      const result = await confirm(key, clientSecret, paymentMethod);
      if (result.error) return result;
      switch (result.paymentIntent.status) {
        case 'requires_action':
          return authenticate(clientSecret);
        case 'succeeded':
        case 'processing':
        case 'requires_capture':
          return result;
        default:
          return {error: {message: `The payment is ${result.paymentIntent.status}.`},
                  paymentIntent: result.paymentIntent};
      }
    };
    return stripe;
  };
})();

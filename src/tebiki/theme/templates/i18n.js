// tebiki's interface strings for the theme's scripts, in the site's language (written by the
// build from the gettext catalog). t("English msgid", {name: value}) fills %(name)s.
(function () {
  var messages = {/*messages*/};
  window.tebikiT = function (msgid, values) {
    var text = Object.prototype.hasOwnProperty.call(messages, msgid) ? messages[msgid] : msgid;
    return values ? text.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); }) : text;
  };
})();
